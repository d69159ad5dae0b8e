import asyncio

from vclock import run, vprint


async def waiter(name, ready):
    vprint(f"{name}: waiting")
    await ready.wait()
    vprint(f"{name}: woken")


async def main():
    ready = asyncio.Event()
    waiters = [
        asyncio.create_task(waiter(name, ready)) for name in ["a", "b"]
    ]
    await asyncio.sleep(0.1)
    vprint("main: set()")
    ready.set()
    await asyncio.gather(*waiters)

    # Waiting after set() returns at once: the event stays set.
    await asyncio.wait_for(ready.wait(), 0.05)
    vprint("late waiter: returned at once")


run(main())
