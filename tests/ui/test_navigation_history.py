"""Back and forward after jumps."""

from __future__ import annotations

from kfor_viewer.ui.navigation_history import NavigationHistory


def test_back_and_forward_walk_the_jumps():
    history: NavigationHistory[int] = NavigationHistory()
    history.record(1)  # jumped from page 1 ...
    history.record(5)  # ... then from page 5
    assert history.back(9) == 5
    assert history.back(5) == 1
    assert history.back(1) is None
    assert history.forward(1) == 5
    assert history.can_go_forward
    history.record(5)  # a new jump clears forward
    assert not history.can_go_forward
