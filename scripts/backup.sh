#!/usr/bin/env bash
# Back up the newsroom: the PostgreSQL database (custom-format pg_dump) and the media folder.
#   DATABASE_URL=postgres://user@host:5432/name scripts/backup.sh BACKUP_DIR [MEDIA_ROOT]
# Writes BACKUP_DIR/newsroom.dump and BACKUP_DIR/media.tar.gz.
set -euo pipefail
dir=${1:?usage: scripts/backup.sh BACKUP_DIR [MEDIA_ROOT]}
media=${2:-${DJANGO_MEDIA_ROOT:-var/media}}
: "${DATABASE_URL:?set DATABASE_URL to the PostgreSQL database to back up}"
mkdir -p "$dir"
pg_dump --format=custom --no-owner --no-privileges --file="$dir/newsroom.dump" "$DATABASE_URL"
if [ -d "$media" ]; then
    tar -czf "$dir/media.tar.gz" -C "$media" .
fi
echo "backup written to $dir"
