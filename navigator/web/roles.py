"""Who may see a staff page: Flask-Login's view of a staff session, and the check each
staff blueprint runs before its views. Below the blueprints, so none imports another."""

from __future__ import annotations

from flask import abort, current_app, redirect, request, url_for
from flask_login import LoginManager, UserMixin, current_user

from navigator.site import current_site
from navigator.store import staff

login_manager = LoginManager()


class StaffMember(UserMixin):
    """Flask-Login's view of a live staff session. Its id is the session token."""

    def __init__(self, signed_in: staff.SignedIn):
        self.signed_in = signed_in
        self.email, self.role = signed_in.email, signed_in.role

    def get_id(self) -> str:
        return self.signed_in.token

    def may(self, role: str) -> bool:
        return self.signed_in.may(role)


@login_manager.user_loader
def load_member(token: str) -> StaffMember | None:
    found = staff.find_session(current_site().database, token, current_app.config["STAFF_IDLE_MINUTES"])
    return StaffMember(found) if found else None


def require(role: str):
    """A before_request check: signed in, with `role` (or admin). Parents reach no staff page."""
    def check():
        if not current_user.is_authenticated:
            return redirect(url_for("auth.sign_in", next=request.path))
        if not current_user.may(role):
            abort(403)
        return None
    return check
