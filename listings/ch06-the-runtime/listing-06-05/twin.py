import asyncio

from vclock import run, vprint


async def ticker():
    for n in range(1, 4):
        if n > 1:
            await asyncio.sleep(0.1)
        vprint(f"tick {n}")


def crunch():
    """CPU-bound work: no await, so it never gives the thread back."""
    return sum(range(200_000))


async def main():
    task = asyncio.create_task(ticker())

    for step in range(1, 4):
        crunch()
        vprint(f"job: step {step}")
        # Give the thread back to the event loop for a moment.
        await asyncio.sleep(0)
    vprint("job: done")

    await task


run(main())
