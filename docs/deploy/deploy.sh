#!/usr/bin/env bash
# Атомарная выкладка собранного сайта: новая папка выпуска, затем одно
# переключение символической ссылки. Веб-сервер (root …/current, см.
# nginx.conf) всегда отдаёт один целый выпуск — старый или новый, никогда
# их смесь; прерванная выкладка оставляет на сайте прежний выпуск.
#
# Использование:
#   docs/deploy/deploy.sh ПАПКА_СБОРКИ ЦЕЛЬ [ХРАНИТЬ_ВЫПУСКОВ]
#     ПАПКА_СБОРКИ — dist/ после успешной `npm run build`
#     ЦЕЛЬ — /var/www/nastavnik или user@host:/var/www/nastavnik (по SSH)
#     ХРАНИТЬ_ВЫПУСКОВ — сколько прежних выпусков оставить для отката (5)
#
# На сервере:  ЦЕЛЬ/releases/<время>/  — выпуски;  ЦЕЛЬ/current → releases/<…>
# Откат: ln -sfn releases/<прежний> ЦЕЛЬ/current.tmp && mv -T ЦЕЛЬ/current.tmp ЦЕЛЬ/current
# Переменные: DEPLOY_SSH — команда ssh (по умолчанию «ssh»), RELEASE — имя выпуска.
set -euo pipefail

die() { echo "deploy.sh: $*" >&2; exit 1; }

[[ $# -ge 2 ]] || die "укажите папку сборки и цель (см. начало файла)"
dist=${1%/}
target=${2%/}
keep=${3:-5}
[[ -f $dist/index.html ]] || die "в «$dist» нет index.html — сначала соберите сайт (npm run build)"
[[ $keep =~ ^[1-9][0-9]*$ ]] || die "ХРАНИТЬ_ВЫПУСКОВ — целое число не меньше 1, получено «$keep»"
release=${RELEASE:-$(date -u +%Y%m%dT%H%M%SZ)}
[[ $release =~ ^[A-Za-z0-9._-]+$ ]] || die "имя выпуска «$release»: только латиница, цифры, точка, дефис"

if [[ $target == *:* ]]; then
  host=${target%%:*}
  base=${target#*:}
  remote() { ${DEPLOY_SSH:-ssh} "$host" "$@"; }
  rsync_target="$host:$base"
  rsync_ssh=(-e "${DEPLOY_SSH:-ssh}")
else
  base=$target
  remote() { bash -c "$*"; }
  rsync_target=$base
  rsync_ssh=()
fi
q() { printf '%q' "$1"; }

# 1. Новый выпуск рядом с прежними; файлы с тем же содержимым (сверка по контрольной сумме,
#    не по времени) — жёсткими ссылками на текущий выпуск.
remote "mkdir -p $(q "$base/releases") && test ! -e $(q "$base/releases/$release")" \
  || die "выпуск «$release» уже есть на сервере"
link_dest=()
if remote "test -d $(q "$base/current/")"; then link_dest=(--link-dest="../../current/"); fi
rsync -a --checksum --delete "${rsync_ssh[@]}" "${link_dest[@]}" "$dist/" "$rsync_target/releases/$release.partial/"
remote "mv -T $(q "$base/releases/$release.partial") $(q "$base/releases/$release")"

# 2. Переключение: новая ссылка рядом и rename поверх старой — одна атомарная операция.
remote "ln -sfn $(q "releases/$release") $(q "$base/current.tmp") && mv -T $(q "$base/current.tmp") $(q "$base/current")"
echo "выложен выпуск $release: $target/current → releases/$release"

# 3. Старые выпуски (и брошенные .partial прерванных выкладок): остаются текущий и ещё $((keep - 1)) последних.
remote "cd $(q "$base/releases") && cur=\$(basename \"\$(readlink ../current)\") \
  && ls -1 | grep -v '\\.partial\$' | grep -vxF \"\$cur\" | sort | head -n -$((keep - 1)) | xargs -r rm -rf -- \
  && find . -maxdepth 1 -name '*.partial' ! -name $(q "$release.partial") -exec rm -rf -- {} +"
