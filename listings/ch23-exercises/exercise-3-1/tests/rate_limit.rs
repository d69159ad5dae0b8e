use exercise_3_1::{RateLimit, echo};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tokio::time::{sleep, timeout};

const LIMIT: RateLimit = RateLimit {
    burst: 3,
    per: Duration::from_millis(100),
};

/// A client on an in-memory connection to `echo`.
struct Client {
    lines: tokio::io::Lines<BufReader<DuplexStream>>,
}

impl Client {
    fn connect() -> Client {
        let (ours, theirs) = tokio::io::duplex(1024);
        tokio::spawn(echo(theirs, LIMIT));
        Client {
            lines: BufReader::new(ours).lines(),
        }
    }

    async fn say(&mut self, text: &str) {
        let ours = self.lines.get_mut().get_mut();
        ours.write_all(text.as_bytes()).await.unwrap();
    }

    async fn hear(&mut self) -> String {
        // On the paused clock a reply that never comes fails at once.
        timeout(Duration::from_secs(10), self.lines.next_line())
            .await
            .expect("no reply within 10 s")
            .unwrap()
            .expect("a reply, not the end of the connection")
    }
}

#[tokio::test(start_paused = true)]
async fn lines_within_the_limit_are_echoed() {
    let mut client = Client::connect();
    client.say("a\nb\nc\n").await;
    assert_eq!(client.hear().await, "echo: a");
    assert_eq!(client.hear().await, "echo: b");
    assert_eq!(client.hear().await, "echo: c");
}

#[tokio::test(start_paused = true)]
async fn lines_over_the_limit_get_slow_down() {
    let mut client = Client::connect();
    client.say("a\nb\nc\nd\ne\n").await;
    for expected in ["echo: a", "echo: b", "echo: c"] {
        assert_eq!(client.hear().await, expected);
    }
    assert_eq!(client.hear().await, "slow down");
    assert_eq!(client.hear().await, "slow down");
}

#[tokio::test(start_paused = true)]
async fn a_line_is_echoed_again_once_the_oldest_is_over_100_ms_old() {
    let mut client = Client::connect();
    client.say("a\nb\nc\n").await;
    for _ in 0..3 {
        client.hear().await;
    }
    sleep(Duration::from_millis(50)).await;
    client.say("d\n").await;
    assert_eq!(client.hear().await, "slow down");
    sleep(Duration::from_millis(60)).await;
    client.say("e\n").await;
    assert_eq!(client.hear().await, "echo: e");
}

#[tokio::test(start_paused = true)]
async fn the_window_slides_with_each_line() {
    let mut client = Client::connect();
    for (wait, text) in [(0, "a\n"), (50, "b\n"), (40, "c\n")] {
        sleep(Duration::from_millis(wait)).await;
        client.say(text).await;
        client.hear().await;
    }
    // At 110 ms only a (0 ms) has left the last 100 ms; b and c have not.
    sleep(Duration::from_millis(20)).await;
    client.say("d\ne\n").await;
    assert_eq!(client.hear().await, "echo: d");
    assert_eq!(client.hear().await, "slow down");
}

#[tokio::test(start_paused = true)]
async fn refused_lines_do_not_count() {
    let mut client = Client::connect();
    client.say("a\nb\nc\n").await;
    for _ in 0..3 {
        client.hear().await;
    }
    sleep(Duration::from_millis(60)).await;
    client.say("d\ne\nf\n").await;
    for _ in 0..3 {
        assert_eq!(client.hear().await, "slow down");
    }
    // At 110 ms a, b and c are over 100 ms old; d, e and f were refused.
    sleep(Duration::from_millis(50)).await;
    client.say("g\n").await;
    assert_eq!(client.hear().await, "echo: g");
}

#[tokio::test(start_paused = true)]
async fn each_client_has_its_own_limit() {
    let mut alice = Client::connect();
    let mut bob = Client::connect();
    alice.say("a\nb\nc\nd\n").await;
    for _ in 0..3 {
        alice.hear().await;
    }
    assert_eq!(alice.hear().await, "slow down");
    bob.say("hi\n").await;
    assert_eq!(bob.hear().await, "echo: hi");
}
