import asyncio
import os
import shutil
import tempfile
from pathlib import Path

from vclock import run


def sum_numbers(text):
    """The work a real program would do with each file: parse its
    numbers."""
    return sum(int(line) for line in text.splitlines())


async def per_file(paths):
    """One thread hop per file, as aiofiles would make."""
    total = 0
    for path in paths:
        text = await asyncio.to_thread(path.read_text)
        total += sum_numbers(text)
    return total


async def batched(paths):
    """One hop: the whole loop, reading and parsing, on one thread."""
    return await asyncio.to_thread(
        lambda: sum(sum_numbers(path.read_text()) for path in paths)
    )


async def read_then_parse(path):
    """A big file: read it on a thread, then parse it on a thread too."""
    text = await asyncio.to_thread(path.read_text)
    return await asyncio.to_thread(sum_numbers, text)


async def main():
    # A fresh directory of our own, named by the process id.
    folder = Path(tempfile.gettempdir()) / f"ch21-02-twin-{os.getpid()}"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(1, 51):
        path = folder / f"{i}.txt"
        path.write_text("\n".join(str(n) for n in range(1, i + 1)))
        paths.append(path)
    big = folder / "big.txt"
    big.write_text("\n".join(str(n) for n in range(1, 200_001)))

    print(f"per file:        {await per_file(paths)}")
    print(f"one batch:       {await batched(paths)}")
    print(f"read then parse: {await read_then_parse(big)}")
    shutil.rmtree(folder)


run(main())
