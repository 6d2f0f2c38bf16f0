-- POST a fixed form body with HTTP Basic: client_credentials, introspection, password grant.
-- BODY and BASIC come from the environment.
wrk.method = "POST"
wrk.body = os.getenv("BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. os.getenv("BASIC")
