"""Content editing that never loses an edit: the desk, saving, preview, bad input, clashes,
history and restore, create, rename and delete, the audit log and searches that found little."""

import datetime
import errno
import re
import shutil

import pytest

from navigator.content import files
from tests.conftest import CONTENT_DIR, check_page_shape, create_staff, csrf_token, make_app, sign_in
from tests.factories import page_text


@pytest.fixture(scope="module")
def site_app(tmp_path_factory):
    """An app over its own copy of the content, for tests that change pages."""
    folder = tmp_path_factory.mktemp("editing")
    shutil.copytree(CONTENT_DIR, folder / "content")
    app = make_app(folder, CONTENT_DIR=folder / "content")
    app.content = folder / "content"
    return app


@pytest.fixture
def editor(site_app):
    client = site_app.test_client()
    sign_in(client, create_staff(site_app, "editor"))
    return client


def open_form(editor, slug):
    html = editor.get(f"/editor/pages/{slug}").get_data(as_text=True)
    return html, csrf_token(html), re.search(r'name="version" value="([^"]*)"', html).group(1)


def save_raw(editor, slug, text, note="", version=None, token=None):
    html, form_token, form_version = open_form(editor, slug)
    return editor.post(f"/editor/pages/{slug}", data={
        "csrf_token": token or form_token, "version": form_version if version is None else version,
        "mode": "raw", "text": text, "note": note})


def write_page(site_app, slug, **fields):
    (site_app.content / f"{slug}.md").write_text(page_text(**fields), encoding="utf-8")
    return slug


def refreshed(site_app):
    site = site_app.extensions["navigator.site"]
    site.refresh(every=0)
    return site


# -- saving -------------------------------------------------------------------------------

def test_a_saved_page_is_written_whole_recorded_and_found_by_search(site_app, editor, client):
    slug = write_page(site_app, "test-saving", name="Saving test")
    text = page_text(name="Saving test", body="## What it does\n\nIt lends kaleidoscopes to families.\n")
    response = save_raw(editor, slug, text, note="added kaleidoscopes")
    assert response.status_code == 302 and response.headers["Location"].endswith("saved=1")
    assert (site_app.content / f"{slug}.md").read_text() == text
    assert not [p for p in site_app.content.iterdir() if p.name.endswith(".tmp")], "no temporary file left"
    public = site_app.test_client()
    assert "kaleidoscopes" in public.get(f"/pages/{slug}").get_data(as_text=True)
    hits = public.get("/api/v1/search?q=kaleidoscopes").get_json()["results"]
    assert [h["slug"] for h in hits] == [slug]
    history = editor.get(f"/editor/pages/{slug}/history").get_data(as_text=True)
    assert "added kaleidoscopes" in history and "save" in history


def test_the_form_saves_the_same_file_format_and_keeps_every_field(site_app, editor):
    html, token, version = open_form(editor, "sendiass")
    before = (site_app.content / "sendiass.md").read_text()
    fields = {k: v for k, v in re.findall(r'<input class="govuk-input[^"]*" id="([^"]+)" name="[^"]+" type="[^"]+" value="([^"]*)"', html)}
    body = re.search(r'<textarea class="govuk-textarea" id="body" name="body"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    import html as entities
    data = {key: entities.unescape(value) for key, value in fields.items()}
    data.update({"csrf_token": token, "version": version, "mode": "form", "needs": "all",
                 "description": entities.unescape(re.search(r'id="description"[^>]*>(.*?)</textarea>', html, re.S).group(1)),
                 "contacts-0-missing": entities.unescape(re.search(r'id="contacts-0-missing"[^>]*>(.*?)</textarea>', html, re.S).group(1)),
                 "body": entities.unescape(body)})
    response = editor.post("/editor/pages/sendiass", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    site = refreshed(site_app)
    page = site.library.pages["sendiass"]
    assert page.name.startswith("Trafford SEND Information") and page.contacts[0].id == "sendiass"
    assert page.html in site_app.test_client().get("/pages/sendiass").get_data(as_text=True)
    assert "## " in (site_app.content / "sendiass.md").read_text() and before != ""


def test_the_preview_and_the_public_page_render_the_same_sanitised_html(site_app, editor):
    slug = write_page(site_app, "test-preview")
    body = "## Help\n\nSome <u>underlined</u> and <div>boxed</div> text, **bold**, [a link](https://www.trafford.gov.uk).\n"
    text = page_text(body=body)
    _html, token, version = open_form(editor, slug)
    preview = editor.post("/editor/preview", data={"csrf_token": token, "mode": "raw", "text": text,
                                                   "current_slug": slug}).get_data(as_text=True)
    assert save_raw(editor, slug, text).status_code == 302
    public = site_app.test_client().get(f"/pages/{slug}").get_data(as_text=True)
    shown = re.search(r'<div class="nav-page-body">(.*?)</div>\n', public, re.S).group(1)
    assert f'<div class="nav-page-body">{shown}</div>' in preview
    assert "<u>" not in shown and "<div>boxed" not in shown and "<strong>bold</strong>" in shown


# -- bad input: a clear message, the file untouched, the text kept ----------------------------

@pytest.mark.parametrize("text, words", [
    ("---\nname: [unclosed\n---\nBody\n", "broken YAML"),
    (page_text(needs=["wizardry"]), "is not a known area of need"),
    (page_text(contacts=[{"id": "x", "name": "X", "phone": "+1 212 555 0100", "verified": False}]), "should be a UK phone number"),
    (page_text(body="## Links\n\nSee [this](/pages/no-such-page).\n"), "no such page"),
    (page_text(body="## Hi\n\n<script>alert(1)</script>\n"), "is not allowed"),
    (page_text(body="## Hi\n\n<a href='#' onclick='steal()'>x</a>\n"), "is not allowed"),
    (page_text(name=None), "is missing"),
])
def test_a_page_with_a_problem_is_refused_with_the_reason_and_the_text_kept(site_app, editor, text, words):
    slug = write_page(site_app, "test-bad-input")
    before = (site_app.content / f"{slug}.md").read_bytes()
    response = save_raw(editor, slug, text)
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and words in html
    assert "govuk-error-summary" in html and 'href="#text"' in html
    import html as entities
    assert text.strip() in entities.unescape(html), "the editor's text is still in the form"
    assert (site_app.content / f"{slug}.md").read_bytes() == before, "the page file is untouched"
    assert "<script>alert(1)</script>" not in html
    check_page_shape(html)


def test_a_problem_in_the_form_is_shown_beside_its_field(site_app, editor):
    slug = write_page(site_app, "test-form-problem")
    html, token, version = open_form(editor, slug)
    response = editor.post(f"/editor/pages/{slug}", data={
        "csrf_token": token, "version": version, "mode": "form", "name": "Form problem",
        "description": "About it.", "needs": "all", "assured_date": "2026-11-01", "review_by": "2027-02-30",
        "contacts-0-name": "Helpline", "contacts-0-id": "helpline", "contacts-0-phone": "12345678901234",
        "sources-0-title": "Somewhere", "body": "## Hello\n\nText.\n"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert re.search(r'id="review_by-error"[^>]*>.*?YYYY-MM-DD', html, re.S)
    assert re.search(r'id="contacts-0-phone-error"[^>]*>.*?UK phone number', html, re.S)
    assert re.search(r'id="contacts-0-phone"[^>]*value="12345678901234"', html), "what was typed is kept"


def test_a_5_mb_paste_is_refused_with_the_text_kept(site_app, editor):
    slug = write_page(site_app, "test-huge")
    before = (site_app.content / f"{slug}.md").read_bytes()
    huge = page_text(body="## Big\n\n" + ("A long paragraph of pasted text. " * 160_000))
    assert len(huge.encode()) > 5_000_000
    response = save_raw(editor, slug, huge)
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "Keep pages under 512 KB" in html
    assert html.count("A long paragraph of pasted text.") >= 160_000
    assert (site_app.content / f"{slug}.md").read_bytes() == before


def test_a_post_beyond_8_mb_gets_a_clear_message(editor):
    response = editor.post("/editor/pages/sendiass", data={"text": "x" * (9 * 1024 * 1024)})
    assert response.status_code == 413 and "too large" in response.get_data(as_text=True)


def test_two_editors_saving_at_once_clash_and_neither_loses_their_text(site_app, editor):
    slug = write_page(site_app, "test-clash")
    other = site_app.test_client()
    sign_in(other, create_staff(site_app, "editor"))
    _mine, my_token, my_version = open_form(editor, slug)
    theirs = page_text(body="## Theirs\n\nTheir words.\n")
    assert save_raw(other, slug, theirs).status_code == 302
    mine = page_text(body="## Mine\n\nMy words.\n")
    response = editor.post(f"/editor/pages/{slug}", data={"csrf_token": my_token, "version": my_version,
                                                          "mode": "raw", "text": mine})
    html = response.get_data(as_text=True)
    assert response.status_code == 409 and "Someone else changed this page" in html
    assert "Their words." in html and "My words." in html, "both versions are shown"
    assert (site_app.content / f"{slug}.md").read_text() == theirs, "their save stands"
    newer = re.search(r'name="version" value="([^"]*)"', html).group(1)
    again = editor.post(f"/editor/pages/{slug}", data={"csrf_token": my_token, "version": newer, "mode": "raw", "text": mine})
    assert again.status_code == 302 and (site_app.content / f"{slug}.md").read_text() == mine


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "disk is full"), (errno.EROFS, "read-only")])
def test_a_full_or_read_only_disk_changes_nothing_and_keeps_the_text(site_app, editor, monkeypatch, code, words):
    slug = write_page(site_app, "test-disk")
    before = (site_app.content / f"{slug}.md").read_bytes()

    def refuse(*_args):
        raise OSError(code, "simulated")
    monkeypatch.setattr(files, "_rename", refuse)
    text = page_text(body="## Kept\n\nWords that must not be lost.\n")
    response = save_raw(editor, slug, text)
    html = response.get_data(as_text=True)
    assert response.status_code == 503 and words in html and "Words that must not be lost." in html
    assert (site_app.content / f"{slug}.md").read_bytes() == before
    assert not [p for p in site_app.content.iterdir() if p.name.endswith(".tmp")]


def test_a_stale_form_without_its_token_is_refused_and_the_file_untouched(site_app, editor):
    slug = write_page(site_app, "test-csrf")
    before = (site_app.content / f"{slug}.md").read_bytes()
    response = editor.post(f"/editor/pages/{slug}", data={"mode": "raw", "text": page_text(), "version": ""})
    assert response.status_code == 400 and (site_app.content / f"{slug}.md").read_bytes() == before


# -- history, restore, outside changes --------------------------------------------------------

def test_history_shows_a_readable_diff_and_any_version_can_be_restored(site_app, editor):
    slug = write_page(site_app, "test-history")
    first = page_text(body="## One\n\nThe first words.\n")
    second = page_text(body="## One\n\nThe second words.\n")
    save_raw(editor, slug, first, note="first")
    save_raw(editor, slug, second, note="second")
    history = editor.get(f"/editor/pages/{slug}/history").get_data(as_text=True)
    ids = [int(i) for i in re.findall(r'/editor/revisions/(\d+)', history)]
    newest = editor.get(f"/editor/revisions/{max(ids)}").get_data(as_text=True)
    check_page_shape(newest)
    assert re.search(r'nav-diff--removed.*?The first words\.', newest, re.S)
    assert re.search(r'nav-diff--added.*?The second words\.', newest, re.S)
    first_id = sorted(ids)[-2]
    token = csrf_token(newest)
    assert editor.post(f"/editor/revisions/{first_id}/restore", data={"csrf_token": token}).status_code == 302
    assert (site_app.content / f"{slug}.md").read_text() == first
    assert "restore" in editor.get(f"/editor/pages/{slug}/history").get_data(as_text=True)


def test_a_change_made_outside_the_navigator_is_kept_in_history(site_app, editor):
    slug = write_page(site_app, "test-outside", name="Outside")
    save_raw(editor, slug, page_text(name="Outside", body="## A\n\nSaved in the navigator.\n"))
    outside = page_text(name="Outside", body="## A\n\nChanged by git.\n")
    (site_app.content / f"{slug}.md").write_text(outside)
    save_raw(editor, slug, page_text(name="Outside", body="## A\n\nSaved again.\n"))
    history = editor.get(f"/editor/pages/{slug}/history").get_data(as_text=True)
    assert "outside" in history
    from navigator.store import revisions
    kept = [r.text for r in revisions.history(site_app.extensions["navigator.site"].database, slug)]
    assert outside in kept


def test_files_changed_outside_the_app_are_served_without_a_restart(site_app):
    client = site_app.test_client()
    assert client.get("/pages/test-from-git").status_code == 404
    write_page(site_app, "test-from-git", name="Arrived by git", body="## New\n\nZebrafinch club.\n")
    refreshed(site_app)
    assert "Arrived by git" in client.get("/pages/test-from-git").get_data(as_text=True)
    assert client.get("/api/v1/search?q=zebrafinch").get_json()["total"] == 1


# -- create, rename, delete -------------------------------------------------------------------

def test_create_rename_with_a_redirect_then_delete_and_restore(site_app, editor):
    new_form = editor.get("/editor/new").get_data(as_text=True)
    token = csrf_token(new_form)
    text = page_text(name="Brand new group", body="## Meets\n\nOn Tuesdays.\n")
    bad = editor.post("/editor/new", data={"csrf_token": token, "slug": "Brand New!", "mode": "raw", "text": text})
    assert bad.status_code == 400 and "lower case words joined by dashes" in bad.get_data(as_text=True)
    made = editor.post("/editor/new", data={"csrf_token": token, "slug": "brand-new-group", "mode": "raw", "text": text})
    assert made.status_code == 302 and (site_app.content / "brand-new-group.md").read_text() == text
    taken = editor.post("/editor/new", data={"csrf_token": token, "slug": "brand-new-group", "mode": "raw", "text": text})
    assert taken.status_code == 400 and "already a page" in taken.get_data(as_text=True)

    _html, token, version = open_form(editor, "brand-new-group")
    moved = editor.post("/editor/pages/brand-new-group/rename", data={"csrf_token": token, "version": version,
                                                                       "new_slug": "tuesday-group"})
    assert moved.status_code == 302
    public = site_app.test_client()
    old = public.get("/pages/brand-new-group")
    assert old.status_code == 301 and old.headers["Location"].endswith("/pages/tuesday-group")

    confirm = editor.get("/editor/pages/tuesday-group/delete").get_data(as_text=True)
    version = re.search(r'name="version" value="([^"]*)"', confirm).group(1)
    gone = editor.post("/editor/pages/tuesday-group/delete", data={"csrf_token": token, "version": version})
    assert gone.status_code == 302 and not (site_app.content / "tuesday-group.md").exists()
    assert public.get("/pages/tuesday-group").status_code == 404
    desk = editor.get("/editor/").get_data(as_text=True)
    revision_id = re.search(r'/editor/revisions/(\d+)/restore"[^>]*>\s*<input[^>]*>\s*<button[^>]*>Restore tuesday-group', desk).group(1)
    editor.post(f"/editor/revisions/{revision_id}/restore", data={"csrf_token": token})
    assert (site_app.content / "tuesday-group.md").read_text() == text


def test_a_page_a_pathway_links_to_cannot_be_moved_or_deleted(site_app, editor):
    html, token, version = open_form(editor, "sendiass")
    moved = editor.post("/editor/pages/sendiass/rename", data={"csrf_token": token, "version": version, "new_slug": "advice"})
    assert moved.status_code == 400 and "cannot move yet" in moved.get_data(as_text=True)
    confirm = editor.get("/editor/pages/sendiass/delete").get_data(as_text=True)
    assert "cannot be deleted yet" in confirm
    assert editor.post("/editor/pages/sendiass/delete", data={"csrf_token": token, "version": version}).status_code == 400
    assert (site_app.content / "sendiass.md").exists()


# -- the desk -----------------------------------------------------------------------------------

def flags_of(desk_html, slug):
    row = re.search(rf'<tr class="govuk-table__row" data-slug="{slug}">(.*?)</tr>', desk_html, re.S).group(1)
    return set(re.findall(r'data-flag="([a-z_]+)"', row))


def test_the_desk_shows_what_needs_attention_and_filters(site_app, editor):
    today = datetime.date.today()
    write_page(site_app, "test-desk-overdue", review_by=(today - datetime.timedelta(days=3)).isoformat())
    write_page(site_app, "test-desk-soon", review_by=(today + datetime.timedelta(days=10)).isoformat(),
               contacts=[{"id": "desk-checked", "name": "Checked", "phone": "0161 912 1053", "verified": today.isoformat()}])
    write_page(site_app, "test-desk-link", body="## See\n\n[gone](/pages/not-a-page)\n")
    (site_app.content / "test-desk-broken.md").write_text("no front matter here\n")
    refreshed(site_app)
    desk = editor.get("/editor/").get_data(as_text=True)
    check_page_shape(desk)
    assert {"review_passed", "unverified", "unlinked", "untranslated"} <= flags_of(desk, "test-desk-overdue")
    soon = flags_of(desk, "test-desk-soon")
    assert "review_soon" in soon and "unverified" not in soon, "a contact checked today is verified"
    assert {"broken_links", "problems"} <= flags_of(desk, "test-desk-link")
    assert "problems" in flags_of(desk, "test-desk-broken") and "three dashes" in desk
    assert "unlinked" not in flags_of(desk, "sendiass"), "pathways link to SENDIASS"
    only = editor.get("/editor/?show=review_passed").get_data(as_text=True)
    assert 'data-slug="test-desk-overdue"' in only and 'data-slug="test-desk-soon"' not in only
    by_name = editor.get("/editor/?order=name").get_data(as_text=True)
    names = re.findall(r'data-slug="[^"]+">\s*<td class="govuk-table__cell"><a[^>]*>([^<]+)</a>', by_name)
    assert names == sorted(names, key=str.lower)
    (site_app.content / "test-desk-broken.md").unlink()


def test_searches_that_find_little_are_counted_without_personal_details(site_app, editor):
    public = site_app.test_client()
    for _ in range(3):
        public.get("/search?q=Xyzzy+Plugh")
    public.get("/search?q=my+email+is+someone@example.org")
    public.get("/api/v1/search?q=07700900123+xyzzy")
    desk = editor.get("/editor/").get_data(as_text=True)
    assert re.search(r"<td class=\"govuk-table__cell\">xyzzy plugh</td><td[^>]*>3</td>", desk)
    assert "someone@example.org" not in desk and "07700900123" not in desk
    from navigator.store import search_misses
    database = site_app.extensions["navigator.site"].database
    later = datetime.date.today() + datetime.timedelta(days=91)
    assert search_misses.purge(database, today=later) >= 1
    assert "xyzzy plugh" not in editor.get("/editor/").get_data(as_text=True)


# -- the audit log --------------------------------------------------------------------------------

def test_admins_see_the_audit_log_and_editors_do_not(site_app, editor):
    slug = write_page(site_app, "test-audit")
    save_raw(editor, slug, page_text(body="## Audit\n\nAudited words.\n"), note="for the audit")
    assert editor.get("/admin/audit").status_code == 403
    admin = site_app.test_client()
    sign_in(admin, create_staff(site_app, "admin"))
    log = admin.get("/admin/audit").get_data(as_text=True)
    check_page_shape(log)
    assert re.search(rf"<td class=\"govuk-table__cell\">save</td><td class=\"govuk-table__cell\">{slug}</td>", log)
    assert "sign-in" in log


def test_a_contact_a_pathway_uses_cannot_be_removed_and_the_text_is_kept(site_app, editor):
    before = (site_app.content / "sendiass.md").read_text()
    html, token, version = open_form(editor, "sendiass")
    without = re.sub(r"contacts:\n(?:- .*\n|  .*\n)+", "", before)
    assert "contacts:" not in without
    response = editor.post("/editor/pages/sendiass", data={"csrf_token": token, "version": version,
                                                          "mode": "raw", "text": without})
    import html as entities
    text = entities.unescape(response.get_data(as_text=True))
    assert response.status_code == 400 and "The contact 'sendiass' is used by these pathways" in text
    assert (site_app.content / "sendiass.md").read_text() == before


def test_restoring_an_old_version_goes_through_the_same_checks_as_a_save(site_app, editor):
    # A version from before a pathway used the contact: restoring it as it is would leave the
    # pathway without its contact, and the next start would refuse the rules.
    from navigator.store import revisions
    database = site_app.extensions["navigator.site"].database
    before = (site_app.content / "sendiass.md").read_text()
    without = re.sub(r"contacts:\n(?:- .*\n|  .*\n)+", "", before)
    revisions.record(database, "sendiass", without, "someone@trafford.example", "save", "long ago")
    old = revisions.history(database, "sendiass")[0]
    assert old.text == without
    _html, token, _version = open_form(editor, "sendiass")
    response = editor.post(f"/editor/revisions/{old.id}/restore", data={"csrf_token": token})
    import html as entities
    text = entities.unescape(response.get_data(as_text=True))
    assert response.status_code == 400
    assert "The contact 'sendiass' is used by these pathways" in text
    assert "cannot be restored as it is" in text
    assert (site_app.content / "sendiass.md").read_text() == before
    check_page_shape(response.get_data(as_text=True))


def test_removing_a_contact_no_pathway_uses_works_from_the_form(site_app, editor):
    slug = write_page(site_app, "test-remove-contact", contacts=[
        {"id": "keep-me", "name": "Kept", "phone": "0161 912 1053", "verified": False},
        {"id": "drop-me", "name": "Dropped", "phone": "0161 912 1054", "verified": False}])
    refreshed(site_app)
    html, token, version = open_form(editor, slug)
    import html as entities
    data = {"csrf_token": token, "version": version, "mode": "form", "name": "Example service",
            "description": "What the example service does.", "needs": "all", "assured_date": "2026-11-01",
            "review_by": "2027-05-01", "sources-0-title": "Example source", "sources-0-url": "https://www.trafford.gov.uk",
            "body": entities.unescape(re.search(r'id="body"[^>]*>(.*?)</textarea>', html, re.S).group(1))}
    for n, (cid, name, phone) in enumerate([("keep-me", "Kept", "0161 912 1053"), ("drop-me", "Dropped", "0161 912 1054")]):
        data.update({f"contacts-{n}-id": cid, f"contacts-{n}-name": name, f"contacts-{n}-phone": phone})
    data["contacts-1-remove"] = "1"
    assert editor.post(f"/editor/pages/{slug}", data=data).status_code == 302
    saved = (site_app.content / f"{slug}.md").read_text()
    assert "keep-me" in saved and "drop-me" not in saved


# -- translations of pages ------------------------------------------------------------------

def test_an_editor_starts_a_translation_from_the_english_and_families_see_it(site_app, editor):
    desk = editor.get("/editor/?show=untranslated").get_data(as_text=True)
    assert 'href="/editor/pages/ipsea.pl"' in desk, "the desk links each missing translation"
    start = editor.get("/editor/pages/ipsea.pl")
    html = start.get_data(as_text=True)
    check_page_shape(html)
    assert start.status_code == 200 and "Translation of /pages/ipsea into Polski" in html
    import html as entities
    text = entities.unescape(re.search(r'id="text"[^>]*>(.*?)</textarea>', html, re.S).group(1))
    assert text.startswith("---\ntranslation_of: ") and "## " in text, "it starts from the English words"
    polish = re.sub(r"name: .*\n", "name: IPSEA (porady prawne)\n", text, count=1)
    token = csrf_token(html)
    saved = editor.post("/editor/pages/ipsea.pl", data={"csrf_token": token, "version": "", "mode": "raw", "text": polish})
    assert saved.status_code == 302 and (site_app.content / "ipsea.pl.md").read_text() == polish
    public = site_app.test_client().get("/pages/ipsea?lang=pl").get_data(as_text=True)
    assert "IPSEA (porady prawne)" in public and "nie jest jeszcze" not in public


def test_a_translation_cannot_carry_a_phone_number(site_app, editor):
    html = editor.get("/editor/pages/sendiass.pl").get_data(as_text=True)
    import html as entities
    text = entities.unescape(re.search(r'id="text"[^>]*>(.*?)</textarea>', html, re.S).group(1))
    version = re.search(r'name="version" value="([^"]*)"', html).group(1)
    assert "  sendiass:\n" in text
    broken = text.replace("  sendiass:\n", "  sendiass:\n    phone: \"0800 000 0000\"\n", 1)
    response = editor.post("/editor/pages/sendiass.pl", data={"csrf_token": csrf_token(html), "version": version,
                                                              "mode": "raw", "text": broken})
    shown = entities.unescape(response.get_data(as_text=True))
    assert response.status_code == 400 and "contacts.sendiass.phone" in shown and "is not a field this file uses" in shown
    assert "0800 000 0000" not in (site_app.content / "sendiass.pl.md").read_text()


def test_a_page_cannot_be_created_or_moved_to_a_translations_name(site_app, editor):
    token = csrf_token(editor.get("/editor/new").get_data(as_text=True))
    made = editor.post("/editor/new", data={"csrf_token": token, "slug": "sendiass.ur", "mode": "raw", "text": page_text()})
    assert made.status_code == 400 and not (site_app.content / "sendiass.ur.md").read_text().startswith("---\nname:")


# -- text that is not real Unicode ------------------------------------------------------------

HALF_CHARACTER = '---\nname: "Half \\uD800 a character"\ndescription: A page.\nneeds: [all]\n' \
                 'assured_date: 2026-11-01\nreview_by: 2027-05-01\n' \
                 'sources:\n- {title: Example source, url: "https://www.trafford.gov.uk"}\n---\n\n## A\n\nWords.\n'


def test_an_escaped_half_character_is_refused_by_the_editor_with_the_text_kept(site_app, editor):
    slug = write_page(site_app, "test-surrogate-save")
    response = save_raw(editor, slug, HALF_CHARACTER)
    import html as entities
    text = entities.unescape(response.get_data(as_text=True))
    assert response.status_code == 400
    assert "half of a character" in text and "name" in text
    assert "Half \\uD800 a character" in text  # the editor's text, as typed, is still in the form


def test_a_page_broken_on_disk_by_a_half_character_leaves_the_site_working_and_can_be_fixed(site_app, editor):
    (site_app.content / "test-surrogate-disk.md").write_text(HALF_CHARACTER, encoding="utf-8")
    refreshed(site_app)
    public = site_app.test_client()
    assert public.get("/pages/test-surrogate-disk").status_code == 404
    assert public.get("/search?q=half+character").status_code == 200
    assert editor.get("/editor/").status_code == 200
    html, token, version = open_form(editor, "test-surrogate-disk")
    assert "half of a character" in html.replace("&#39;", "'")
    fixed = HALF_CHARACTER.replace("\\uD800", "")
    saved = editor.post("/editor/pages/test-surrogate-disk",
                        data={"csrf_token": token, "version": version, "mode": "raw", "text": fixed})
    assert saved.status_code == 302
    assert public.get("/pages/test-surrogate-disk").status_code == 200


@pytest.mark.parametrize("key", ["? [a, b]\n: value\n", "? {a: b}\n: value\n"])
def test_a_list_or_group_as_a_field_name_gets_a_message_not_a_crash(site_app, editor, key):
    slug = write_page(site_app, "test-odd-key")
    text = HALF_CHARACTER.replace('name: "Half \\uD800 a character"\n', f"name: Odd\n{key}")
    response = save_raw(editor, slug, text)
    assert response.status_code == 400
    assert "a field name must be a plain word" in response.get_data(as_text=True)


def test_a_revision_number_too_big_for_the_database_is_not_found(app):
    """Found by tests/test_fuzz.py: a 30-digit revision id reached SQLite and gave a 500."""
    client = app.test_client()
    sign_in(client, create_staff(app, "editor"))
    for path in ("/editor/revisions/" + "9" * 30, "/editor/revisions/0"):
        assert client.get(path).status_code == 404
