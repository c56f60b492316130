/**
 * Prints docs/deploy/nginx.conf from the security headers module, so the
 * example never drifts from the policy the site is tested under.
 * `node scripts/nginx-config.ts > docs/deploy/nginx.conf`
 */
import { nginxHeaders } from '../src/lib/security-headers.ts';

console.log(`# Пример конфигурации nginx для раздела «Наставничество»: статические файлы текущего выпуска
# (docs/deploy/deploy.sh выкладывает каждую сборку в releases/… и переключает ссылку current).
# Сгенерирован scripts/nginx-config.ts из src/lib/security-headers.ts — правьте политику там.
server {
    listen 443 ssl http2;
    server_name nastavnik.example.ru;
    root /var/www/nastavnik/current;
    index index.html;
    charset utf-8;

    # ssl_certificate     /etc/ssl/nastavnik/fullchain.pem;
    # ssl_certificate_key /etc/ssl/nastavnik/privkey.pem;

    error_page 404 /404.html;

    location / {
        try_files $uri $uri/index.html =404;
${nginxHeaders('/')}
    }

    location /_astro/ {
        expires 1y;
        add_header Cache-Control "public, immutable";
${nginxHeaders('/')}
    }

    # Открытые данные для районных порталов и поиска по многим школам: доступны с любого адреса.
    location /pagefind/ {
${nginxHeaders('/pagefind/')}
    }

    location ~ ^/(practices\\.json|news/feed\\.json|events/feed\\.json|schemas/.*)$ {
${nginxHeaders('/practices.json')}
    }

    location /admin/ {
        try_files $uri $uri/index.html =404;
${nginxHeaders('/admin/')}
        add_header X-Robots-Tag "noindex" always;
    }

    location ~* \\.(ics)$ {
        default_type text/calendar;
${nginxHeaders('/')}
    }
}

server {
    listen 80;
    server_name nastavnik.example.ru;
    return 301 https://$host$request_uri;
}`);
