"""The editors' admin, one module per desk; importing this package registers them all.

- stories.py: Article (the story form, workflow buttons, the sign-off and withdrawal
  actions); its inlines (bylines, photos, rosters, linked stories, status history,
  corrections) are in story_parts.py, its conflict, history, diff, restore and recover
  views in story_versions.py;
- pages.py: Page (page staff and story order, export actions) and Edition (page-text
  import, flatplan, export action); layout.py holds their upload form and actions;
- reference.py: Role, Section, taggit's Tag (replacing taggit's own admin), and Person
  (replacing people's PersonAdmin with a subclass that shows each person's credits);
- audit.py: auth's User (replacing its admin with a subclass that lists, on each
  user's page, the status changes and versions they made);
- epaper_areas.py: StoryArea, edited on its page's picture with the mouse (数字报 热区);
- base.py: inlines the modules share; it registers nothing.
"""

from articles.admin import articles, audit, epaper, epaper_areas, layout, pages, reference  # noqa: F401  (registers the ModelAdmins)
