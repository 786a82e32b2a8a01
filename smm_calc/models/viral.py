"""Viral coefficient (K-factor) from growth marketing."""

from .. import validate


def viral_coefficient(invites: float, conversion: float) -> float:
    """K = invitations per user × conversion rate of an invitation (0…1)."""
    validate.numbers_only(einladungen=invites, konversion=conversion)
    return validate.invites(invites) * validate.conversion(conversion)
