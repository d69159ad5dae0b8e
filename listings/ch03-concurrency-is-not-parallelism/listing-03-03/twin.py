import asyncio
import threading


async def main():
    # wait() returns once two threads are waiting on it.
    barrier = threading.Barrier(2)

    async def meet(name):
        try:
            # Blocks the event loop's thread, for 20 ms at most.
            barrier.wait(timeout=0.02)
            print(f"task {name} passed the barrier")
        except threading.BrokenBarrierError:
            print(f"task {name}: barrier.wait() raised BrokenBarrierError")

    await asyncio.gather(meet("a"), meet("b"))


asyncio.run(main())
