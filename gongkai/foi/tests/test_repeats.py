import pytest

from gongkai.foi import repeats


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("忻州市2022年城区道路改造项目的批复文件", "申请公开：忻州市2022年城区道路改造项目批复文件。", True),
        ("忻州市2022年城区道路改造项目的批复文件", "2022年忻州市城区道路改造项目的批复", True),  # reordered
        ("２０２２年度部门预算", "2022年度部门预算", True),  # full-width digits
        ("忻州市2022年城区道路改造项目的批复文件", "忻州市2023年城区道路改造项目的批复文件", True),  # one character
        ("忻州市2022年城区道路改造项目的批复文件", "本局2023年度部门决算", False),
        ("忻州市2022年城区道路改造项目的批复文件", "某村集体土地征收补偿标准", False),
        ("政府信息", "申请公开相关信息", False),  # filler only: nothing to compare
    ],
)
def test_same_information(first: str, second: str, same: bool) -> None:
    assert repeats.same_information(first, second) is same
    assert repeats.similarity(first, second) == repeats.similarity(second, first)


def test_matching_ranks_and_distinct_applicants_count_people_not_requests() -> None:
    earlier = [
        repeats.Request(1, "a", "城区道路改造项目的批复文件"),
        repeats.Request(2, "a", "忻州市2022年城区道路改造项目的批复文件"),
        repeats.Request(3, "b", "部门预算"),
        repeats.Request(4, "", "忻州市2022年城区道路改造项目批复"),
    ]
    found = repeats.matching("忻州市2022年城区道路改造项目的批复文件", earlier)
    assert found[0].key == 2
    assert 3 not in [request.key for request in found]
    assert repeats.distinct_applicants(found) == 1  # "a" twice; the empty key is nobody known
