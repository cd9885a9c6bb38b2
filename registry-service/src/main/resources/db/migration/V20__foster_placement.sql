-- 家庭寄养安置 (家庭寄养管理办法 民政部令第54号, 2014): a child of the institution placed with a family
-- of its foster register. Proposed by a caseworker (arts. 7, 9, 11), approved by the director, and
-- effective once the agreement (art. 12(5)) is signed by the family and the director; only then does the
-- placement start on the child's file (child_placement.foster_placement_id).
create table foster_placement (
    id                  uuid primary key,
    child_id            uuid         not null references child (id),
    family_id           uuid         not null references family (id),
    register_entry_id   uuid         not null references foster_register_entry (id),
    institution_code    varchar(60)  not null,
    status              varchar(30)  not null,   -- PROPOSED, REFUSED, AWAITING_SIGNATURES, WITHDRAWN, ACTIVE, ENDED
    planned_from        date         not null,   -- the agreement's period (art. 12(5))
    agreed_until        date         not null,
    primary_caregiver   varchar(100) not null,   -- the named primary caregiver (art. 12(5))
    integration_days    int          not null,   -- 融合期, at least 60 days (art. 14)
    liability           text         not null,   -- 违约责任 (art. 12(5))
    proposed_by         varchar(200) not null,
    proposed_at         timestamptz  not null,
    decision_note       text,
    family_signed_by    varchar(200),
    family_signed_at    timestamptz,
    director_signed_by  varchar(200),
    director_signed_at  timestamptz,
    started_on          date,
    ended_on            date,
    end_reason          varchar(200)
);
create index foster_placement_child on foster_placement (child_id);
create index foster_placement_family on foster_placement (family_id);

-- The child's file names the placement it came from, not a household typed in by hand.
alter table child_placement add column foster_placement_id uuid references foster_placement (id);

-- The child's consent to a foster placement (art. 11) is heard like an adoption's (民法典 art. 1104),
-- by the caseworker, on the child rather than on an application.
alter table child_consent alter column application_id drop not null;
alter table child_consent add column child_id uuid references child (id);
alter table child_consent add constraint child_consent_subject check ((application_id is null) <> (child_id is null));
create index child_consent_child on child_consent (child_id, recorded_at);
