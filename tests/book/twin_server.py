"""Runs the asyncio twins for the test harness (tests/book/twins.rs): one Python that forks.

Started once per test thread as `python3 -S -c "<this file>" LIMIT`, with the environment every
twin runs in (PYTHONPATH naming vclock.py's folder, PYTHONHASHSEED=0, ...). It imports asyncio,
the slow part of a twin's start, then reads one absolute path of a twin script per line on stdin.
For each it forks: the child is a fresh copy of this interpreter that has imported asyncio and
nothing of the book's, and runs the script as `python3 -S script` would (as `__main__`, from its
own folder, with that folder first on sys.path, stdin from /dev/null, stdout and stderr on one
pipe, and the interpreter's normal exit: threads joined, atexit handlers run, streams flushed).
What differs from a plain run: asyncio and what it imports are loaded before the script starts
(their import-time work is done, as it would be by the script's own `import asyncio`), and a
traceback skips runpy's frames, so that it reads as a plain run's.
A child still running after LIMIT seconds is killed by SIGALRM. For each script the server
answers on stdout with a line `EXIT BYTES` (EXIT the exit code, or minus the signal number),
then the BYTES bytes the twin printed.
"""

import asyncio  # noqa: F401 -- imported once here, so that no forked twin pays for it
import gc
import os
import runpy
import signal
import sys
import traceback


def main():
    limit = int(sys.argv[1])
    requests = sys.stdin.buffer
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    # What is loaded now is never collected, so no child's garbage collection or exit touches
    # (and so copies) the memory it shares with this process: a child exits in half the time.
    gc.freeze()
    for line in requests:
        script = os.fsdecode(line.rstrip(b"\n"))
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            replies.close()
            os.close(read_end)
            run_twin(script, write_end, limit)  # ends the child's interpreter
        os.close(write_end)
        with os.fdopen(read_end, "rb") as pipe:
            printed = pipe.read()
        _, status = os.waitpid(pid, 0)
        exit_code = os.waitstatus_to_exitcode(status)
        replies.write(b"%d %d\n" % (exit_code, len(printed)) + printed)
        replies.flush()


def run_twin(script, output, limit):
    """In the forked child: run the script as `python3 -S script`, then exit with its status."""
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(output, 1)
    os.dup2(output, 2)
    os.close(devnull)
    os.close(output)
    folder = os.path.dirname(script)
    os.chdir(folder)
    sys.argv = [script]
    sys.path[0] = folder
    signal.alarm(limit)
    try:
        runpy.run_path(script, run_name="__main__")
    except SystemExit:
        raise
    except BaseException as error:
        # Print the traceback a plain run prints: from the script's own frames, not runpy's.
        frames = error.__traceback__
        while frames is not None and frames.tb_frame.f_code.co_filename != script:
            frames = frames.tb_next
        traceback.print_exception(type(error), error, frames or error.__traceback__)
        sys.exit(1)
    sys.exit(0)


if __name__ == "__main__":
    main()
