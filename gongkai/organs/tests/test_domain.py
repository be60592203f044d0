"""统一社会信用代码 (GB 32100-2015) and division codes, without the database."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.organs.domain import (
    CREDIT_CODE_ALPHABET,
    CreditCodeError,
    credit_code_check_character,
    is_valid_credit_code,
    is_valid_division_code,
    normalise_credit_code,
    validate_credit_code,
)


@pytest.mark.parametrize(
    "code",
    [
        "91350100M000100Y43",  # the worked example printed in GB 32100-2015
        "911100001000044477",
        "91110000802100433B",
        "914403001922038216",
    ],
)
def test_published_codes_pass_the_checksum(code: str) -> None:
    assert is_valid_credit_code(code)


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("91350100M000100Y44", "checksum"),
        ("91350100M000100Y4", "length"),
        ("91350100M000100Y433", "length"),
        ("91350100M000100I43", "alphabet"),
        ("91350100M000100O43", "alphabet"),
        ("91350100M000100Z43", "alphabet"),
        ("91350100M000100S43", "alphabet"),
        ("91350100M000100V43", "alphabet"),
        ("91350100m000100Y43", "alphabet"),
    ],
)
def test_a_wrong_code_is_refused_with_its_problem(code: str, problem: str) -> None:
    with pytest.raises(CreditCodeError, match=problem):
        validate_credit_code(code)


def test_input_is_normalised_before_checking() -> None:
    assert normalise_credit_code(" 91350100m000100y43 ") == "91350100M000100Y43"


@given(st.text(alphabet=CREDIT_CODE_ALPHABET, min_size=17, max_size=17))
def test_every_body_gets_exactly_one_check_character(body: str) -> None:
    check = credit_code_check_character(body)

    assert is_valid_credit_code(body + check)
    assert [c for c in CREDIT_CODE_ALPHABET if is_valid_credit_code(body + c)] == [check]


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("140900", True),
        ("140902001", True),
        ("140902001001", True),
        ("14090", False),
        ("1409000", False),
        ("14090a", False),
    ],
)
def test_division_codes_have_six_nine_or_twelve_digits(code: str, valid: bool) -> None:
    assert is_valid_division_code(code) is valid
