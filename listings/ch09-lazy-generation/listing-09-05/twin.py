import asyncio

from vclock import run, vprint

# Something else still refers to the generator: a cache, a list of readers.
open_readers = []


async def numbers(label):
    try:
        i = 0
        while True:
            i += 1
            yield i
    finally:
        vprint(f"  {label}: saying goodbye")
        await asyncio.sleep(0.1)  # an await is allowed here
        vprint(f"  {label}: connection closed")


async def first_two(gen):
    async for i in gen:
        vprint(f"first_two: got {i}")
        if i == 2:
            break
    vprint("first_two: after the loop")


async def main():
    vprint("-- kept")
    kept = numbers("kept")
    open_readers.append(kept)
    await first_two(kept)
    vprint("main: first_two returned")

    vprint("-- closed with aclose()")
    closed = numbers("closed")
    await first_two(closed)
    await closed.aclose()
    vprint("main: aclose() returned")
    vprint("main: returning")


run(main())
