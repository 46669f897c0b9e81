#!/usr/bin/env bash
# Regenerates the test-only TLS material of the HTTP server's tests (never use it anywhere else).
# Keys come in the three PEM encodings the exporter reads: PKCS#1 RSA (server.key),
# SEC 1 EC (client.key) and PKCS#8 (ca.key, client-ca.key, stranger.key).
set -euo pipefail
cd "$(dirname "$0")"
days=36500
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ca.key
openssl req -x509 -new -key ca.key -subj "/CN=ebpf-exporter test server CA" -days $days -out ca.pem

openssl genrsa -traditional -out server.key 2048
openssl req -new -key server.key -subj "/CN=localhost" -out "$tmp/server.csr"
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > "$tmp/server.ext"
openssl x509 -req -in "$tmp/server.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days $days \
    -extfile "$tmp/server.ext" -out server.pem

openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out client-ca.key
openssl req -x509 -new -key client-ca.key -subj "/CN=ebpf-exporter test client CA" -days $days -out client-ca.pem

openssl ecparam -name prime256v1 -genkey -noout -out client.key
openssl req -new -key client.key -subj "/CN=scraper" -out "$tmp/client.csr"
printf 'extendedKeyUsage=clientAuth\n' > "$tmp/client.ext"
openssl x509 -req -in "$tmp/client.csr" -CA client-ca.pem -CAkey client-ca.key -CAcreateserial -days $days \
    -extfile "$tmp/client.ext" -out client.pem

# A client certificate no configured CA signed.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out stranger.key
openssl req -x509 -new -key stranger.key -subj "/CN=stranger" -days $days -out stranger.pem
rm -f ./*.srl
