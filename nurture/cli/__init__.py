"""The command line: `nurture [--data-dir DIR] COMMAND [options]` (`main` parses and runs;
`people` and `files` hold the commands, loaded only for the command that runs)."""
