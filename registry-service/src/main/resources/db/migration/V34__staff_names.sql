-- The names staff are shown by where the registry holds only their user name: the engine's task assignee
-- (张敏, not cw-nanchang). Written when someone becomes an assignee: their own claim (the name in their
-- token) or a director's reassignment (the name Keycloak's directory gives). In the database, so every
-- replica shows the same name.
create table staff_name (
    username     varchar(200) primary key,
    display_name varchar(200) not null,
    recorded_at  timestamptz  not null
);
