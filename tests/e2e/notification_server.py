"""A tiny freedesktop notification server for the end-to-end test: it owns
org.freedesktop.Notifications on the session bus and writes every Notify it gets, one per line
(`summary<TAB>body`), to the file named on its command line."""

from __future__ import annotations

import sys
from pathlib import Path

from jeepney import HeaderFields, MessageType, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection


def main(record: Path) -> None:
    connection = open_dbus_connection(bus="SESSION")
    connection.send_and_get_reply(message_bus.RequestName("org.freedesktop.Notifications"))
    record.write_text("", encoding="utf-8")  # ready
    next_id = 1
    while True:
        try:
            message = connection.receive()
        except (ConnectionError, EOFError):  # the session ended with the test
            return
        if message.header.message_type != MessageType.method_call:
            continue
        member = message.header.fields.get(HeaderFields.member)
        if member == "GetCapabilities":
            connection.send(new_method_return(message, "as", (["body", "actions"],)))
        elif member == "GetServerInformation":
            connection.send(new_method_return(message, "ssss", ("test", "nurture", "1", "1.2")))
        elif member == "Notify":
            summary, body = message.body[3], message.body[4]
            with record.open("a", encoding="utf-8") as out:
                out.write(f"{summary}\t{body}\n")
            connection.send(new_method_return(message, "u", (next_id,)))
            next_id += 1


if __name__ == "__main__":
    main(Path(sys.argv[1]))
