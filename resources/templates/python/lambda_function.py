import json


def handler(event, context):
    """Greets whoever the event names."""
    name = (event or {}).get("name", "world")
    print(f"Greeting {name}")
    return {
        "message": f"Hello, {name}!",
        "requestId": context.aws_request_id,
        "received": json.loads(json.dumps(event)),
    }
