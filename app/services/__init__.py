"""The rules of SPEC.md. Functions take a Session (the caller owns the transaction)
and the acting user, enforce the rules, raise DomainError, return plain data."""
