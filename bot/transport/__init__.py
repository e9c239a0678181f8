"""The Telegram transport: durable inbox, update order, retries, the HTTP client, flood control."""
