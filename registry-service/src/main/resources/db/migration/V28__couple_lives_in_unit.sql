-- 机构内家庭式养育: the couple's contract names the residence unit the director chose on approval, and
-- the unit names the couple living in it while the contract is in force (issue 11). Units and couples
-- were built apart (V25, V26); they are one module now, so the links get their foreign keys, and a unit
-- is promised to one couple at a time.
alter table family_style_contract
    add constraint family_style_contract_unit foreign key (unit_id) references residence_unit (id);
alter table residence_unit
    add constraint residence_unit_couple foreign key (couple_application_id) references application (id);
create unique index family_style_contract_one_couple_per_unit on family_style_contract (unit_id)
    where unit_id is not null and status <> 'ENDED';
