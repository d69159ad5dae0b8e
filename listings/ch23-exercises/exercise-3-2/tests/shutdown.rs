use exercise_3_2::{WORK, serve};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tokio::sync::mpsc::{self, error::TrySendError};
use tokio::task::JoinHandle;
use tokio::time::{Instant, sleep, timeout};
use tokio_stream::wrappers::ReceiverStream;
use tokio_util::sync::CancellationToken;

const SHUTDOWN_AT: Duration = Duration::from_millis(50);

/// The server on in-memory connections, with its listener and token.
struct Server {
    listener: mpsc::Sender<DuplexStream>,
    shutdown: CancellationToken,
    task: JoinHandle<()>,
}

impl Server {
    fn start() -> Server {
        let (listener, accepted) = mpsc::channel(1);
        let shutdown = CancellationToken::new();
        let incoming = ReceiverStream::new(accepted);
        let task = tokio::spawn(serve(incoming, shutdown.clone()));
        Server {
            listener,
            shutdown,
            task,
        }
    }

    async fn connect(&self) -> tokio::io::Lines<BufReader<DuplexStream>> {
        let (ours, theirs) = tokio::io::duplex(1024);
        self.listener.send(theirs).await.unwrap();
        BufReader::new(ours).lines()
    }

    async fn stopped(self) {
        within(self.task, "serve to return").await.unwrap();
    }
}

/// Waits for `future`, failing if it takes 10 s: on the paused clock a
/// future that never finishes fails the test at once instead of hanging.
async fn within<F: IntoFuture>(future: F, what: &str) -> F::Output {
    let waiting = timeout(Duration::from_secs(10), future);
    waiting
        .await
        .unwrap_or_else(|_| panic!("waited 10 s for {what}"))
}

async fn hear(
    client: &mut tokio::io::Lines<BufReader<DuplexStream>>,
) -> Option<String> {
    within(client.next_line(), "a line or the end")
        .await
        .unwrap()
}

async fn request(
    client: &mut tokio::io::Lines<BufReader<DuplexStream>>,
    text: &str,
) {
    let ours = client.get_mut().get_mut();
    ours.write_all(format!("{text}\n").as_bytes())
        .await
        .unwrap();
}

#[tokio::test(start_paused = true)]
async fn a_request_is_answered() {
    let server = Server::start();
    let mut client = server.connect().await;
    request(&mut client, "report").await;
    let reply = hear(&mut client).await;
    assert_eq!(reply.as_deref(), Some("done: report"));
}

#[tokio::test(start_paused = true)]
async fn a_request_in_flight_at_shutdown_is_answered_then_closed() {
    let start = Instant::now();
    let server = Server::start();
    let mut client = server.connect().await;
    request(&mut client, "report").await;
    sleep(SHUTDOWN_AT).await;
    server.shutdown.cancel();
    let reply = hear(&mut client).await;
    assert_eq!(reply.as_deref(), Some("done: report"));
    assert_eq!(start.elapsed(), WORK);
    assert_eq!(hear(&mut client).await, None);
}

#[tokio::test(start_paused = true)]
async fn serve_returns_when_the_last_request_is_answered() {
    let start = Instant::now();
    let server = Server::start();
    let mut client = server.connect().await;
    request(&mut client, "report").await;
    sleep(SHUTDOWN_AT).await;
    server.shutdown.cancel();
    server.stopped().await;
    assert_eq!(start.elapsed(), WORK);
}

#[tokio::test(start_paused = true)]
async fn an_idle_connection_is_closed_at_shutdown() {
    let start = Instant::now();
    let server = Server::start();
    let mut client = server.connect().await;
    sleep(SHUTDOWN_AT).await;
    server.shutdown.cancel();
    assert_eq!(hear(&mut client).await, None);
    assert_eq!(start.elapsed(), SHUTDOWN_AT);
    server.stopped().await;
    assert_eq!(start.elapsed(), SHUTDOWN_AT);
}

#[tokio::test(start_paused = true)]
async fn nobody_new_can_connect_while_requests_finish() {
    let server = Server::start();
    let mut client = server.connect().await;
    request(&mut client, "report").await;
    sleep(SHUTDOWN_AT).await;
    server.shutdown.cancel();
    // Lets the server see the token; the request still has 150 ms to go.
    sleep(Duration::from_millis(1)).await;
    assert!(!server.task.is_finished(), "serve returned too early");
    let (_ours, theirs) = tokio::io::duplex(1024);
    let refused = server.listener.try_send(theirs);
    assert!(
        matches!(refused, Err(TrySendError::Closed(_))),
        "the listener still accepts connections"
    );
    server.stopped().await;
}
