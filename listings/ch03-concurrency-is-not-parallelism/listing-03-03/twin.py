import asyncio
import threading


async def main():
    barrier = threading.Barrier(2)  # wait() returns once two threads are waiting on it

    async def meet(name):
        try:
            barrier.wait(timeout=0.02)  # blocks the event loop's thread, for 20 ms at most
            print(f"task {name} passed the barrier")
        except threading.BrokenBarrierError:
            print(f"task {name}: barrier.wait() raised BrokenBarrierError")

    await asyncio.gather(meet("a"), meet("b"))


asyncio.run(main())
