"""Live drills: a veteran plays the customer, the trainee answers, the rulebook judges live.

Pure logic only: the event log of a live call, who may write what and when, and the
fold that turns the log into a judged call. Seats share a call through the store
(``hotseat.store.live``); every seat folds the same log and so sees the same call.
"""

from hotseat.live.call import Applied, LiveCall
from hotseat.live.codes import new_code, normal_code
from hotseat.live.events import Event, Kind, Seat
from hotseat.live.session import LiveSession

__all__ = [
    "Applied",
    "Event",
    "Kind",
    "LiveCall",
    "LiveSession",
    "Seat",
    "new_code",
    "normal_code",
]
