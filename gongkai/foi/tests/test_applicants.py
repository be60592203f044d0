import pytest

from gongkai.foi.applicants import (
    QUERY_CODE_ALPHABET,
    QUERY_CODE_LENGTH,
    IdentityError,
    IdType,
    check_organisation_code,
    check_personal_id,
    new_query_code,
    normalise_query_code,
    tracking_number,
)


@pytest.mark.parametrize(
    ("id_type", "number", "stored"),
    [
        (IdType.RESIDENT_ID, "11010519491231002x", "11010519491231002X"),  # the GB 11643 example
        (IdType.RESIDENT_ID, " 140902198001010016 ", "140902198001010016"),
        (IdType.PASSPORT, "E12345678", "E12345678"),
    ],
)
def test_valid_identity_numbers_are_stored_clean(id_type: IdType, number: str, stored: str) -> None:
    assert check_personal_id(id_type, number) == stored


@pytest.mark.parametrize(
    ("id_type", "number", "code"),
    [
        (IdType.RESIDENT_ID, "110105194912310021", "id_checksum"),
        (IdType.RESIDENT_ID, "11010519491331002X", "id_checksum"),  # month 13
        (IdType.RESIDENT_ID, "1101051949", "id_checksum"),
        (IdType.PASSPORT, "E1", "id_format"),
    ],
)
def test_wrong_identity_numbers_are_refused(id_type: IdType, number: str, code: str) -> None:
    with pytest.raises(IdentityError) as raised:
        check_personal_id(id_type, number)
    assert raised.value.code == code


def test_organisations_are_identified_by_a_valid_credit_code() -> None:
    assert check_organisation_code("91350100m000100y43") == "91350100M000100Y43"
    with pytest.raises(IdentityError):
        check_organisation_code("91350100M000100Y44")


def test_tracking_numbers_and_query_codes() -> None:
    code = new_query_code()

    assert tracking_number(2026, 12, 42) == "YSQ2026-0012-00042"
    assert len(code) == QUERY_CODE_LENGTH
    assert set(code) <= set(QUERY_CODE_ALPHABET)
    assert normalise_query_code(f" {code[:5].lower()}-{code[5:]} ") == code
    assert len({new_query_code() for _ in range(200)}) == 200
