"""Following the news live: feeds and drop folders polled into the database.

- :mod:`sitrep.live.settings`: the ``[[feeds]]``, ``[[alerts]]`` and
  ``[[webhooks]]`` tables of the config, checked;
- :mod:`sitrep.live.state`: the follower's tables (feeds, seen items, alerts,
  webhook deliveries), created with the rest of the schema;
- :mod:`sitrep.live.fetch`: polite HTTP (User-Agent, robots.txt, per-host delay
  and concurrency, conditional GET, size cap);
- :mod:`sitrep.live.feeds`: RSS, Atom and JSON Feed documents into items;
- :mod:`sitrep.live.follow`: one poll of every due source, and the loop;
- :mod:`sitrep.live.alerts`: rules checked after each poll, webhooks.
"""
