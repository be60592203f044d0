"""统一社会信用代码 (GB 32100-2015) and division codes, without the database."""

from collections.abc import Mapping
from enum import StrEnum

import pytest
from django.utils.functional import Promise
from hypothesis import given
from hypothesis import strategies as st

from gongkai.organs.domain import (
    CREDIT_CODE_ALPHABET,
    CreditCodeError,
    OrganKind,
    OrganLevel,
    credit_code_check_character,
    is_valid_credit_code,
    is_valid_division_code,
    normalise_credit_code,
    validate_credit_code,
)
from gongkai.organs.models import KIND_LABELS, LEVEL_LABELS


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


# GB 32100-2015 §4.3: weight of position i is 3^i mod 31, written out here as the standard lists them.
STANDARD_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def _check_character_by_the_standard(body: str) -> str:
    total = sum(CREDIT_CODE_ALPHABET.index(char) * weight for char, weight in zip(body, STANDARD_WEIGHTS, strict=True))
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


@pytest.mark.parametrize(
    ("body", "check"),
    [
        ("00000000000000000", "0"),  # sum 0 → 31 - 0 = 31 ≡ 0
        ("10000000000000000", "Y"),  # sum 1 → 30 = Y
        ("01000000000000000", "W"),  # sum 3 → 28 = W
        ("00000000000000001", "3"),  # sum 28 → 3
        ("A0000000000000000", "M"),  # A = 10, sum 10 → 21 = M
        ("91350100M000100Y4", "3"),  # the standard's own example
    ],
)
def test_check_characters_worked_by_hand(body: str, check: str) -> None:
    assert credit_code_check_character(body) == check
    assert is_valid_credit_code(body + check)


@given(st.text(alphabet=CREDIT_CODE_ALPHABET, min_size=17, max_size=17))
def test_the_check_character_follows_the_standards_weights(body: str) -> None:
    assert credit_code_check_character(body) == _check_character_by_the_standard(body)


@pytest.mark.parametrize("letter", ["I", "O", "Z", "S", "V"])
@pytest.mark.parametrize("position", [0, 8, 17])
def test_the_five_forbidden_letters_are_refused_anywhere(letter: str, position: int) -> None:
    code = "91350100M000100Y43"
    tampered = code[:position] + letter + code[position + 1 :]

    assert not is_valid_credit_code(tampered)
    with pytest.raises(CreditCodeError, match="alphabet"):
        validate_credit_code(tampered)


def test_a_forbidden_letter_in_the_body_cannot_get_a_check_character() -> None:
    with pytest.raises(CreditCodeError, match="not allowed"):
        credit_code_check_character("91350100M000100I4")


@pytest.mark.parametrize("code", ["", "9135010", "91350100M000100Y43 ", "９1350100M000100Y43"])
def test_malformed_input_is_invalid(code: str) -> None:
    assert not is_valid_credit_code(code)


@pytest.mark.parametrize(("labels", "codes"), [(KIND_LABELS, OrganKind), (LEVEL_LABELS, OrganLevel)])
def test_every_kind_and_level_has_its_own_label(labels: Mapping[str, Promise], codes: type[StrEnum]) -> None:
    texts = [str(labels[code]) for code in codes]

    assert set(labels) == set(codes)
    assert all(text.strip() for text in texts)
    assert len(set(texts)) == len(texts)
