import asyncio
import queue


async def ticker(ticks):
    print("tick 1")
    ticks.put(1)


async def main():
    ticks = queue.Queue()  # a thread-safe queue with a blocking get()
    task = asyncio.create_task(ticker(ticks))

    # A blocking wait on the event loop's only thread, given up after 20 ms
    # of real time.
    try:
        print(f"loop thread: got tick {ticks.get(timeout=0.02)}")
    except queue.Empty:
        print("loop thread: nothing after 20 ms")

    # The same kind of wait, on a thread of the default executor.
    n = await asyncio.to_thread(ticks.get)
    print(f"worker thread: got tick {n}")

    await task


asyncio.run(main())
