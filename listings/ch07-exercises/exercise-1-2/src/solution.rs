use crate::{Exchange, PATIENCE, Quote};

/// Returns the live price if it arrives within `PATIENCE`, otherwise
/// the cached one.
pub async fn price(exchange: &Exchange) -> Quote {
    match tokio::time::timeout(PATIENCE, exchange.live_price()).await {
        Ok(live) => Quote::Live(live),
        Err(_elapsed) => Quote::Cached(exchange.cached_price()),
    }
}
