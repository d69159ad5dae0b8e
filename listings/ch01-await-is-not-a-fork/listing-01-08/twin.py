import asyncio


async def cached_lookup(step):
    return step * 10


async def worker(name, yield_each_step):
    for step in range(1, 4):
        value = await cached_lookup(step)
        print(f"{name}: step {step} -> {value}")
        if yield_each_step:
            # Suspends once, like tokio::task::yield_now.
            await asyncio.sleep(0)


async def main():
    print("without a yield:")
    await asyncio.gather(worker("a", False), worker("b", False))
    print("with asyncio.sleep(0) after each step:")
    await asyncio.gather(worker("a", True), worker("b", True))


asyncio.run(main())
