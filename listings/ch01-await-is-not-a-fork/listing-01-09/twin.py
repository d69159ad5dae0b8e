import asyncio

# How many items the loop has taken so far; the other task only reads it.
taken = 0


async def other_task():
    print(f"  other task: first ran after {taken} items")


async def main():
    global taken
    queue = asyncio.Queue()
    for n in range(1000):
        # All 1000 items are queued before the loop starts.
        queue.put_nowait(n)

    print("asyncio.Queue, 1000 items queued:")
    other = asyncio.create_task(other_task())
    for _ in range(1000):
        await queue.get()  # an item is there, so this never suspends
        taken += 1
    print(f"  loop: took {taken} items")
    await other


asyncio.run(main())
