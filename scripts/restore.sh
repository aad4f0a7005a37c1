#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into an EMPTY database and a media folder.
#   DATABASE_URL=postgres://user@host:5432/new_name scripts/restore.sh BACKUP_DIR [MEDIA_ROOT]
# The database must exist and be empty (createdb new_name); nothing is overwritten.
set -euo pipefail
dir=${1:?usage: scripts/restore.sh BACKUP_DIR [MEDIA_ROOT]}
media=${2:-${DJANGO_MEDIA_ROOT:-var/media}}
: "${DATABASE_URL:?set DATABASE_URL to the empty PostgreSQL database to restore into}"
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction \
    --dbname="$DATABASE_URL" "$dir/newsroom.dump"
if [ -f "$dir/media.tar.gz" ]; then
    mkdir -p "$media"
    tar -xzf "$dir/media.tar.gz" -C "$media"
fi
echo "restored from $dir"
