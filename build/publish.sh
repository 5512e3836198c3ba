#!/usr/bin/env bash
# Self-contained single-file binaries of netpol, one per platform, with archives, checksums and a krew manifest:
#
#   build/publish.sh                      # linux-x64 linux-arm64 osx-arm64 win-x64
#   build/publish.sh linux-x64            # some of them
#   NETPOL_AOT=1 build/publish.sh         # and Native AOT for this machine's platform, archived instead (needs clang)
#   BASE_URL=https://example.org/releases/v0.1.0 build/publish.sh   # where the archives will be downloaded from
#
# Output in artifacts/: bin/RID/netpol[.exe], netpol-VERSION-RID.tar.gz (.zip for Windows), SHA256SUMS, netpol.yaml.
# Cross-platform publishing needs only NuGet: the SDK downloads each RID's runtime pack (and ReadyToRun compiler).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

rids=("$@")
[ ${#rids[@]} -eq 0 ] && rids=(linux-x64 linux-arm64 osx-arm64 win-x64)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' src/Netpol.Cli/Netpol.Cli.csproj)
out=artifacts
mkdir -p "$out"
: > "$out/SHA256SUMS"

# Native AOT starts fastest (docs/benchmarks.md) but builds only for this machine's own platform, with clang.
# With NETPOL_AOT=1 its binary goes into this platform's archive instead of the single-file one.
aot_rid=
if [ "${NETPOL_AOT:-0}" = 1 ]; then
  aot_rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)
  echo "== Native AOT ($aot_rid)"
  dotnet publish src/Netpol.Cli -c Release -r "$aot_rid" -p:PublishAot=true -p:DebugType=none -o "$out/aot/$aot_rid" >/dev/null
  echo "   $(du -h "$out/aot/$aot_rid/netpol" | cut -f1) $out/aot/$aot_rid/netpol"
fi

for rid in "${rids[@]}"; do
  echo "== $rid"
  # ReadyToRun precompiles the code: a larger file that starts faster.
  dotnet publish src/Netpol.Cli -c Release -r "$rid" --self-contained \
    -p:PublishSingleFile=true -p:PublishReadyToRun=true -p:IncludeNativeLibrariesForSelfExtract=true \
    -p:DebugType=none -o "$out/bin/$rid" >/dev/null
  exe=netpol
  [[ "$rid" == win-* ]] && exe=netpol.exe
  stage=$(mktemp -d)
  if [ "$rid" = "$aot_rid" ]; then
    cp "$out/aot/$rid/$exe" "$stage/"
  else
    cp "$out/bin/$rid/$exe" "$stage/"
  fi
  [ -f LICENSE ] && cp LICENSE "$stage/"
  if [[ "$rid" == win-* ]]; then
    archive="netpol-$version-$rid.zip"
    (cd "$stage" && rm -f "$OLDPWD/$out/$archive" && python3 -c 'import sys, zipfile, os
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    [z.write(f) for f in sorted(os.listdir("."))]' "$OLDPWD/$out/$archive")
  else
    archive="netpol-$version-$rid.tar.gz"
    tar -C "$stage" -czf "$out/$archive" .
  fi
  rm -rf "$stage"
  (cd "$out" && sha256sum "$archive" >> SHA256SUMS)
  echo "   $(du -h "$out/bin/$rid/$exe" | cut -f1) $out/bin/$rid/$exe, archive $(du -h "$out/$archive" | cut -f1)"
done

# The krew manifest: the template with this release's version, URLs and checksums.
manifest=$(sed -e "s|{{VERSION}}|$version|g" \
  -e "s|{{BASE_URL}}|${BASE_URL:-https://example.invalid/netpol/releases/v$version}|g" \
  -e "s|{{HOMEPAGE}}|${HOMEPAGE:-https://example.invalid/netpol}|g" build/krew/netpol.yaml.template)
while read -r sum file; do
  rid=${file#netpol-"$version"-}
  rid=${rid%.tar.gz}
  rid=${rid%.zip}
  manifest=${manifest//"{{SHA256_$rid}}"/$sum}
done < "$out/SHA256SUMS"
printf '%s\n' "$manifest" | grep -v '^# Krew plugin manifest template\|^# and writes artifacts' > "$out/netpol.yaml"
echo "== wrote $out/netpol.yaml and $out/SHA256SUMS"
