import asyncio


async def numbers():
    print("  generator: started")
    for i in range(1, 3):
        print(f"  generator: yielding {i}")
        yield i
    print("  generator: finished")


async def main():
    gen = numbers()
    print("made the generator")

    for ask in range(1, 4):
        print(f"asking for item {ask}")
        try:
            print(f"got {await anext(gen)}")
        except StopAsyncIteration:
            print("got StopAsyncIteration: the generator is over")


asyncio.run(main())
