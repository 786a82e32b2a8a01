"""The seed text's four scenarios: positive/negative message × without/with social media."""

from dataclasses import dataclass

from .ranges import Range

SOCIAL_MEDIA_FACTOR = Range.at_least(10)  # „um einen unbekannten Faktor von mindestens 10“
NO_FACTOR = Range.point(1)


@dataclass(frozen=True)
class Scenario:
    id: str  # stable ASCII id
    label: str  # German label
    offline: Range  # people told per person without social media
    factor: Range  # multiplier of the receivers through social media

    @property
    def k(self) -> Range:
        """People reached per person: offline range × factor (4–5 × ≥10 = ≥40)."""
        return self.offline * self.factor


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("positiv-offline", "Positive Nachricht, ohne Social Media", Range(4, 5), NO_FACTOR),
    Scenario("negativ-offline", "Negative Nachricht, ohne Social Media", Range(8, 12), NO_FACTOR),
    Scenario("positiv-social-media", "Positive Nachricht, mit Social Media", Range(4, 5),
             SOCIAL_MEDIA_FACTOR),
    Scenario("negativ-social-media", "Negative Nachricht, mit Social Media", Range(8, 12),
             SOCIAL_MEDIA_FACTOR),
)

SCENARIOS_BY_ID = {s.id: s for s in SCENARIOS}
