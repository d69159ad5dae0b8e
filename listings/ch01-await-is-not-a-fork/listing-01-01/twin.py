import asyncio


async def brew(drink):
    print(f"  (brewing {drink})")
    return f"a cup of {drink}"


async def main():
    coffee = brew("coffee")
    tea = brew("tea")
    print("made two coroutine objects")

    del tea
    print("dropped the tea coroutine without awaiting it")

    cup = await coffee
    print(f"awaited the coffee coroutine: {cup}")


asyncio.run(main())
