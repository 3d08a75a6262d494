"""Calls trollscan serve through Google's own API client library, as Perspective's documentation
does, with only the discovery URL changed. Prints the analyze response as JSON.
Usage: perspective_client.py BASE_URL API_KEY TEXT"""
import json
import sys

from googleapiclient import discovery

base, key, text = sys.argv[1:4]
client = discovery.build(
    "commentanalyzer", "v1alpha1", developerKey=key,
    discoveryServiceUrl=base + "/$discovery/rest?version=v1alpha1", cache_discovery=False)
request = {
    "comment": {"text": text},
    "requestedAttributes": {"TOXICITY": {}, "FALSE_REPORT": {}},
    "spanAnnotations": True,
}
print(json.dumps(client.comments().analyze(body=request).execute()))
