-- A signing key is never deleted: badges it signed must stay verifiable.
CREATE TRIGGER issuer_key_no_delete BEFORE DELETE ON issuer_key
BEGIN SELECT RAISE(ABORT, 'issuer_key rows are kept'); END;
