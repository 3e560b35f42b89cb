import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.branch.clock import HybridClock, format_stamp, parse_stamp


def test_stamp_round_trip_and_text_order():
    assert parse_stamp(format_stamp(1_700_000_000_000, 7)) == (1_700_000_000_000, 7)
    assert format_stamp(99, 999_999) < format_stamp(100, 0)
    with pytest.raises(ValueError):
        parse_stamp("12-3")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10 ** 13), st.booleans(),
                          st.integers(0, 10 ** 13), st.integers(0, 999_999)),
                min_size=1, max_size=40))
def test_stamps_strictly_increase_even_when_the_wall_goes_back(steps):
    walls = iter([wall for wall, _, _, _ in steps])
    clock = HybridClock(wall=lambda: next(walls))
    last = ""
    for _, from_other, other_wall, other_counter in steps:
        if from_other:
            other = format_stamp(other_wall, other_counter)
            stamp = clock.observe(other)
            assert stamp > other
        else:
            stamp = clock.now()
        assert stamp > last
        last = stamp
