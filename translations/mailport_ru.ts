<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ConfigFile</name>
    <message>
        <source>Line %1 is not valid UTF-8 text.</source>
        <translation>Строка %1 — не текст в кодировке UTF-8.</translation>
    </message>
    <message>
        <source>Line %1 contains a NUL byte.</source>
        <translation>Строка %1 содержит нулевой байт.</translation>
    </message>
    <message>
        <source>Configuration directives such as &quot;%1&quot; are not supported by Mailport.</source>
        <translation>Директивы конфигурации, такие как «%1», Mailport не поддерживает.</translation>
    </message>
    <message>
        <source>Expected an option name at the start of line %1.</source>
        <translation>В начале строки %1 ожидалось имя опции.</translation>
    </message>
    <message>
        <source>Macro definitions (&quot;%1&quot;) are not supported by Mailport.</source>
        <translation>Определения макросов («%1») Mailport не поддерживает.</translation>
    </message>
    <message>
        <source>Expected &quot;=&quot; after the option name &quot;%1&quot;.</source>
        <translation>После имени опции «%1» ожидался знак «=».</translation>
    </message>
    <message>
        <source>The quoted value of &quot;%1&quot; has no closing quote.</source>
        <translation>У значения «%1» в кавычках нет закрывающей кавычки.</translation>
    </message>
    <message>
        <source>Unexpected text after the quoted value of &quot;%1&quot;.</source>
        <translation>Лишний текст после значения «%1» в кавычках.</translation>
    </message>
</context>
<context>
    <name>Configuration</name>
    <message>
        <source>true or false</source>
        <translation>true или false</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>целым числом</translation>
    </message>
    <message>
        <source>a time such as 30s, 5m or 1h</source>
        <translation>временем, например 30s, 5m или 1h</translation>
    </message>
    <message>
        <source>a size such as 50M or 100K</source>
        <translation>размером, например 50M или 100K</translation>
    </message>
    <message>
        <source>a value</source>
        <translation>значением</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an option Mailport knows.</source>
        <translation>«%1» — не опция, известная Mailport.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a listening option; it was not imported.</source>
        <translation>«%1» — не опция прослушивания; она не импортирована.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; option set for the second time (first on line %2).</source>
        <translation>Опция «%1» установлена второй раз (первый раз в строке %2).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be given a value.</source>
        <translation>Опции «%1» нельзя задать значение.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false, not &quot;%2&quot;.</source>
        <translation>Значение «%1» должно быть true или false, а не «%2».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a value: write &quot;%1 = value&quot;.</source>
        <translation>Опции «%1» нужно значение: напишите «%1 = значение».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be %2, not &quot;%3&quot;.</source>
        <translation>Значение «%1» должно быть %2, а не «%3».</translation>
    </message>
    <message>
        <source>Mailport sends &quot;%1&quot; in the greeting as written: it expands only $%2. Exim expands it, or drops every connection if it cannot.</source>
        <translation>Mailport отправит «%1» в приветствии как есть: он подставляет только $%2. Exim подставит значение, а если не сможет, будет обрывать каждое соединение.</translation>
    </message>
</context>
<context>
    <name>DiagnosticText</name>
    <message>
        <source>Syntax error</source>
        <translation>Синтаксическая ошибка</translation>
    </message>
    <message>
        <source>Unknown option</source>
        <translation>Неизвестная опция</translation>
    </message>
    <message>
        <source>Option set twice</source>
        <translation>Опция задана дважды</translation>
    </message>
    <message>
        <source>Bad value</source>
        <translation>Неверное значение</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Не импортировано</translation>
    </message>
    <message>
        <source>Malformed address</source>
        <translation>Неправильный адрес</translation>
    </message>
    <message>
        <source>Invalid port</source>
        <translation>Неверный порт</translation>
    </message>
    <message>
        <source>Unknown service name</source>
        <translation>Неизвестное имя службы</translation>
    </message>
    <message>
        <source>No port</source>
        <translation>Нет порта</translation>
    </message>
    <message>
        <source>Bad IPv6 scope</source>
        <translation>Неверная область IPv6</translation>
    </message>
    <message>
        <source>IPv6 scope required</source>
        <translation>Нужна область IPv6</translation>
    </message>
    <message>
        <source>Address not on this host</source>
        <translation>Адреса нет на этом хосте</translation>
    </message>
    <message>
        <source>Socket listed twice</source>
        <translation>Сокет указан дважды</translation>
    </message>
    <message>
        <source>Overlapping sockets</source>
        <translation>Сокеты пересекаются</translation>
    </message>
    <message>
        <source>Value too long</source>
        <translation>Слишком длинное значение</translation>
    </message>
    <message>
        <source>Port out of range</source>
        <translation>Порт вне диапазона</translation>
    </message>
    <message>
        <source>Random port</source>
        <translation>Случайный порт</translation>
    </message>
    <message>
        <source>Port list cut short</source>
        <translation>Список портов обрывается</translation>
    </message>
    <message>
        <source>Text after a port number</source>
        <translation>Текст после номера порта</translation>
    </message>
    <message>
        <source>No listening socket</source>
        <translation>Нет слушающих сокетов</translation>
    </message>
    <message>
        <source>Hexadecimal or octal port</source>
        <translation>Шестнадцатеричный или восьмеричный порт</translation>
    </message>
    <message>
        <source>Unusual wildcard spelling</source>
        <translation>Необычная запись «любого адреса»</translation>
    </message>
    <message>
        <source>TLS port not listened on</source>
        <translation>Порт TLS не прослушивается</translation>
    </message>
    <message>
        <source>Loopback left out</source>
        <translation>Нет loopback-интерфейса</translation>
    </message>
    <message>
        <source>Privileged port</source>
        <translation>Привилегированный порт</translation>
    </message>
    <message>
        <source>-oX value Exim misreads</source>
        <translation>Exim неверно прочтёт значение -oX</translation>
    </message>
    <message>
        <source>IPv6 item ignored</source>
        <translation>Элемент IPv6 пропущен</translation>
    </message>
    <message>
        <source>Duplicate ignored</source>
        <translation>Повтор пропущен</translation>
    </message>
    <message>
        <source>Malformed local address</source>
        <translation>Неправильный локальный адрес</translation>
    </message>
    <message>
        <source>Unknown sendmail key</source>
        <translation>Неизвестный ключ sendmail</translation>
    </message>
    <message>
        <source>Unsupported address family</source>
        <translation>Неподдерживаемое семейство адресов</translation>
    </message>
    <message>
        <source>Cannot be converted</source>
        <translation>Нельзя преобразовать</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <source>Line %1, column %2</source>
        <translation>Строка %1, столбец %2</translation>
    </message>
    <message>
        <source>%1, column %2</source>
        <translation>%1, столбец %2</translation>
    </message>
    <message>
        <source>Exim&apos;s default</source>
        <translation>Значение Exim по умолчанию</translation>
    </message>
</context>
<context>
    <name>LoadedConfiguration</name>
    <message>
        <source>Cannot read the configuration file %1: %2.</source>
        <translation>Не удаётся прочитать файл конфигурации %1: %2.</translation>
    </message>
</context>
<context>
    <name>Mailport::ConfigDocument</name>
    <message>
        <source>Edit text</source>
        <translation>Правка текста</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Изменение %1</translation>
    </message>
    <message>
        <source>Reset %1</source>
        <translation>Сброс %1</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Без имени</translation>
    </message>
    <message>
        <source>Could not open the file.</source>
        <translation>Не удалось открыть файл.</translation>
    </message>
    <message>
        <source>%1 is a directory.</source>
        <translation>%1 — это каталог.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The file is too large.</source>
        <translation>Файл слишком велик.</translation>
    </message>
    <message>
        <source>%1 has %2 bytes; a configuration of more than %3 bytes is not read.</source>
        <translation>Размер %1 — %2 байт; конфигурация больше %3 байт не читается.</translation>
    </message>
    <message>
        <source>Could not read the file.</source>
        <translation>Не удалось прочитать файл.</translation>
    </message>
    <message>
        <source>Could not save the file.</source>
        <translation>Не удалось сохранить файл.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n listening option(s) from %1.</source>
        <translation>
            <numerusform>Из %1 импортирована %n опция прослушивания.</numerusform>
            <numerusform>Из %1 импортированы %n опции прослушивания.</numerusform>
            <numerusform>Из %1 импортировано %n опций прослушивания.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other setting(s) were not imported: %1.</source>
        <translation>
            <numerusform>%n другая настройка не импортирована: %1.</numerusform>
            <numerusform>%n другие настройки не импортированы: %1.</numerusform>
            <numerusform>%n других настроек не импортировано: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The ACL, router, transport and other sections after the first &quot;begin&quot; line were left out.</source>
        <translation>Разделы ACL, роутеров, транспортов и другие разделы после первой строки «begin» пропущены.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) could not be read, such as line %1: %2</source>
        <translation>
            <numerusform>%n строку не удалось прочитать, например строку %1: %2</numerusform>
            <numerusform>%n строки не удалось прочитать, например строку %1: %2</numerusform>
            <numerusform>%n строк не удалось прочитать, например строку %1: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>Импорт %1</translation>
    </message>
    <message>
        <source>No sendmail listening options found.</source>
        <translation>Опции прослушивания sendmail не найдены.</translation>
    </message>
    <message>
        <source>%1 has no DaemonPortOptions setting, DAEMON_OPTIONS line or sendmail command line.</source>
        <translation>В %1 нет ни настройки DaemonPortOptions, ни строки DAEMON_OPTIONS, ни командной строки sendmail.</translation>
    </message>
    <message numerus="yes">
        <source>Converted %n sendmail listening socket(s) from %1.</source>
        <translation>
            <numerusform>Из %1 преобразован %n слушающий сокет sendmail.</numerusform>
            <numerusform>Из %1 преобразованы %n слушающих сокета sendmail.</numerusform>
            <numerusform>Из %1 преобразовано %n слушающих сокетов sendmail.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file declares no socket, so sendmail&apos;s default applies: every IPv4 address, port smtp.</source>
        <translation>В файле не объявлено ни одного сокета, поэтому действует умолчание sendmail: все адреса IPv4, порт smtp.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Строка %1: %2</translation>
    </message>
</context>
<context>
    <name>Mailport::ConfigEditor</name>
    <message>
        <source>Where the daemon listens</source>
        <translation>Где слушает демон</translation>
    </message>
    <message>
        <source>Local host</source>
        <translation>Локальный хост</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>Приветствие</translation>
    </message>
    <message>
        <source>Test command line (not saved in the file)</source>
        <translation>Проверочная командная строка (не сохраняется в файле)</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Сертификат</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>PROXY protocol</source>
        <translation>Протокол PROXY</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Соединения</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Where and how the daemon accepts SMTP connections.</source>
        <translation>Где и как демон принимает SMTP-соединения.</translation>
    </message>
    <message>
        <source>The certificate for STARTTLS and implicit TLS.</source>
        <translation>Сертификат для STARTTLS и неявного TLS.</translation>
    </message>
    <message>
        <source>Connections relayed by load balancers with the PROXY protocol.</source>
        <translation>Соединения, которые балансировщики нагрузки передают по протоколу PROXY.</translation>
    </message>
    <message>
        <source>How much the daemon accepts at once.</source>
        <translation>Сколько демон принимает одновременно.</translation>
    </message>
    <message>
        <source>Where the daemon keeps messages, its log and its process ID.</source>
        <translation>Где демон хранит сообщения, свой журнал и идентификатор процесса.</translation>
    </message>
    <message>
        <source>Option groups</source>
        <translation>Группы опций</translation>
    </message>
    <message>
        <source>Spool directory</source>
        <translation>Каталог спула</translation>
    </message>
</context>
<context>
    <name>Mailport::DaemonController</name>
    <message>
        <source>%1

mailportd printed:
%2</source>
        <translation>%1

mailportd вывел:
%2</translation>
    </message>
    <message>
        <source>Could not attach to mailportd.</source>
        <translation>Не удалось подключиться к mailportd.</translation>
    </message>
    <message>
        <source>No answer on the control socket in %1 within %2 seconds.</source>
        <translation>Управляющий сокет в %1 не ответил за %2 с.</translation>
    </message>
    <message>
        <source>mailportd did not come up in time.</source>
        <translation>mailportd не запустился вовремя.</translation>
    </message>
    <message>
        <source>Its control socket in %1 did not answer within %2 seconds, so Mailport stops it.</source>
        <translation>Его управляющий сокет в %1 не ответил за %2 с, поэтому Mailport останавливает его.</translation>
    </message>
    <message>
        <source>Could not write the configuration for mailportd.</source>
        <translation>Не удалось записать конфигурацию для mailportd.</translation>
    </message>
    <message>
        <source>No temporary directory could be created: %1</source>
        <translation>Не удалось создать временный каталог: %1</translation>
    </message>
    <message>
        <source>mailportd is already running.</source>
        <translation>mailportd уже запущен.</translation>
    </message>
    <message>
        <source>Stop it before starting it again, or use Restart.</source>
        <translation>Остановите его перед повторным запуском или используйте «Перезапустить».</translation>
    </message>
    <message>
        <source>The configuration file cannot be read.</source>
        <translation>Файл конфигурации не читается.</translation>
    </message>
    <message>
        <source>The configuration has not been saved to a file yet.</source>
        <translation>Конфигурация ещё не сохранена в файл.</translation>
    </message>
    <message>
        <source>%1 does not exist or is not readable.</source>
        <translation>%1 не существует или не читается.</translation>
    </message>
    <message>
        <source>Starting %1 %2</source>
        <translation>Запуск %1 %2</translation>
    </message>
    <message>
        <source>mailportd had to be killed.</source>
        <translation>mailportd пришлось завершить принудительно.</translation>
    </message>
    <message>
        <source>It did not stop after the shutdown request nor after SIGTERM, so Mailport sent SIGKILL. Sessions in progress were cut off; messages already acknowledged are safe in the spool.</source>
        <translation>Он не остановился ни по запросу shutdown, ни после SIGTERM, поэтому Mailport послал SIGKILL. Текущие сеансы прерваны; уже подтверждённые сообщения сохранены в спуле.</translation>
    </message>
    <message>
        <source>mailportd stopped.</source>
        <translation>mailportd остановлен.</translation>
    </message>
    <message>
        <source>It was asked to stop by someone other than this window (a signal or another control client).</source>
        <translation>Его остановило не это окно, а кто-то другой (сигнал или другой управляющий клиент).</translation>
    </message>
    <message>
        <source>It ended by itself with exit status 0.</source>
        <translation>Он завершился сам с кодом выхода 0.</translation>
    </message>
    <message>
        <source>mailportd ended by signal %1 (%2)</source>
        <translation>mailportd завершён сигналом %1 (%2)</translation>
    </message>
    <message>
        <source>mailportd exited with status %1</source>
        <translation>mailportd завершился с кодом %1</translation>
    </message>
    <message>
        <source>Another mailportd (pid %1) answers in %2</source>
        <translation>В %2 отвечает другой mailportd (pid %1)</translation>
    </message>
    <message>
        <source>mailportd is running (pid %1)</source>
        <translation>mailportd работает (pid %1)</translation>
    </message>
    <message>
        <source>Attached to mailportd (pid %1) in %2</source>
        <translation>Подключено к mailportd (pid %1) в %2</translation>
    </message>
    <message>
        <source>It was asked to stop by someone other than this window.</source>
        <translation>Его остановило не это окно, а кто-то другой.</translation>
    </message>
    <message>
        <source>Lost the connection to mailportd.</source>
        <translation>Потеряно соединение с mailportd.</translation>
    </message>
    <message>
        <source>The daemon in %1 closed its control socket; it may have crashed or been killed.</source>
        <translation>Демон в %1 закрыл свой управляющий сокет; возможно, он аварийно завершился или был убит.</translation>
    </message>
    <message>
        <source>Asking mailportd to shut down</source>
        <translation>Запрос mailportd на завершение работы</translation>
    </message>
    <message>
        <source>mailportd has not stopped; sending SIGTERM</source>
        <translation>mailportd не остановился; посылается SIGTERM</translation>
    </message>
    <message>
        <source>mailportd ignored SIGTERM; sending SIGKILL</source>
        <translation>mailportd проигнорировал SIGTERM; посылается SIGKILL</translation>
    </message>
    <message>
        <source>mailportd could not be stopped.</source>
        <translation>Не удалось остановить mailportd.</translation>
    </message>
    <message>
        <source>Process %1 is still there after SIGKILL; it may be stuck in the kernel (for example on a hung file system).</source>
        <translation>Процесс %1 всё ещё существует после SIGKILL; возможно, он завис в ядре (например, на зависшей файловой системе).</translation>
    </message>
    <message>
        <source>mailportd stopped</source>
        <translation>mailportd остановлен</translation>
    </message>
    <message>
        <source>Mailport already watches a mailportd.</source>
        <translation>Mailport уже следит за одним mailportd.</translation>
    </message>
    <message>
        <source>Stop or detach from it first.</source>
        <translation>Сначала остановите его или отключитесь от него.</translation>
    </message>
    <message>
        <source>Attaching to the mailportd in %1</source>
        <translation>Подключение к mailportd в %1</translation>
    </message>
    <message>
        <source>Detached; mailportd goes on running</source>
        <translation>Отключено; mailportd продолжает работать</translation>
    </message>
    <message>
        <source>mailportd is not running, so there is nothing to reload.</source>
        <translation>mailportd не запущен, перечитывать нечего.</translation>
    </message>
    <message>
        <source>Start it, or attach to one that runs.</source>
        <translation>Запустите его или подключитесь к уже работающему.</translation>
    </message>
    <message>
        <source>Could not save the configuration for mailportd.</source>
        <translation>Не удалось сохранить конфигурацию для mailportd.</translation>
    </message>
    <message>
        <source>The daemon did not say which file it reads.</source>
        <translation>Демон не сообщил, какой файл он читает.</translation>
    </message>
    <message>
        <source>Asking mailportd to reload %1</source>
        <translation>Запрос mailportd перечитать %1</translation>
    </message>
    <message>
        <source>Now listening on %1.</source>
        <translation>Теперь слушает %1.</translation>
    </message>
    <message>
        <source>No longer listening on %1.</source>
        <translation>Больше не слушает %1.</translation>
    </message>
    <message>
        <source>mailportd now runs with the saved configuration.</source>
        <translation>mailportd теперь работает с сохранённой конфигурацией.</translation>
    </message>
    <message>
        <source>mailportd kept its previous configuration.</source>
        <translation>mailportd оставил прежнюю конфигурацию.</translation>
    </message>
    <message>
        <source>The new one was refused: %1</source>
        <translation>Новая отклонена: %1</translation>
    </message>
    <message>
        <source>Could not ask mailportd to reload.</source>
        <translation>Не удалось попросить mailportd перечитать конфигурацию.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Остановлен</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Запускается</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Работает</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Останавливается</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Сбой</translation>
    </message>
    <message>
        <source>mailportd refused the configuration.</source>
        <translation>mailportd отверг конфигурацию.</translation>
    </message>
    <message>
        <source>The configuration or its listening plan has errors, so nothing was started (exit status 1). The Problems panel lists them.</source>
        <translation>В конфигурации или её плане прослушивания есть ошибки, поэтому ничего не запущено (код выхода 1). Они перечислены на панели «Проблемы».</translation>
    </message>
    <message>
        <source>mailportd did not understand its command line.</source>
        <translation>mailportd не понял свою командную строку.</translation>
    </message>
    <message>
        <source>This mailportd may be from another version of Mailport (exit status 2).</source>
        <translation>Возможно, этот mailportd от другой версии Mailport (код выхода 2).</translation>
    </message>
    <message>
        <source>mailportd could not open a listening socket.</source>
        <translation>mailportd не смог открыть слушающий сокет.</translation>
    </message>
    <message>
        <source>Another program may already listen on the port, a port below 1024 needs root or CAP_NET_BIND_SERVICE, or the address is on no interface of this host (exit status 3).</source>
        <translation>Возможно, порт уже слушает другая программа, порту ниже 1024 нужны права root или CAP_NET_BIND_SERVICE, или адрес не принадлежит ни одному интерфейсу этого хоста (код выхода 3).</translation>
    </message>
    <message>
        <source>Another mailportd is already running.</source>
        <translation>Уже работает другой mailportd.</translation>
    </message>
    <message>
        <source>It holds the lock of the control directory. Stop it, attach to it, or give this one another control directory (exit status 4).</source>
        <translation>Он держит блокировку управляющего каталога. Остановите его, подключитесь к нему или дайте этому другой управляющий каталог (код выхода 4).</translation>
    </message>
    <message>
        <source>mailportd has no usable TLS certificate.</source>
        <translation>У mailportd нет пригодного сертификата TLS.</translation>
    </message>
    <message>
        <source>Every listener is implicit TLS and none can start without a certificate. Check tls_certificate and tls_privatekey (exit status 5).</source>
        <translation>Все слушающие сокеты — с неявным TLS, и без сертификата ни один не запустится. Проверьте tls_certificate и tls_privatekey (код выхода 5).</translation>
    </message>
    <message>
        <source>mailportd cannot use its spool directory.</source>
        <translation>mailportd не может использовать свой каталог спула.</translation>
    </message>
    <message>
        <source>Check spool_directory, its permissions and the free space (exit status 6).</source>
        <translation>Проверьте spool_directory, права доступа к нему и свободное место (код выхода 6).</translation>
    </message>
    <message>
        <source>mailportd could not open its control socket.</source>
        <translation>mailportd не смог открыть свой управляющий сокет.</translation>
    </message>
    <message>
        <source>Check that the control directory is yours and writable (exit status 7).</source>
        <translation>Проверьте, что управляющий каталог принадлежит вам и доступен для записи (код выхода 7).</translation>
    </message>
    <message>
        <source>mailportd stopped because of an internal error.</source>
        <translation>mailportd остановился из-за внутренней ошибки.</translation>
    </message>
    <message>
        <source>This is a bug in mailportd; please report it with the lines below (exit status 70).</source>
        <translation>Это ошибка в mailportd; пожалуйста, сообщите о ней, приложив строки ниже (код выхода 70).</translation>
    </message>
    <message>
        <source>mailportd stopped with exit status %1.</source>
        <translation>mailportd остановился с кодом выхода %1.</translation>
    </message>
    <message>
        <source>mailportd does not document this status.</source>
        <translation>Этот код в mailportd не документирован.</translation>
    </message>
    <message>
        <source>mailportd crashed.</source>
        <translation>mailportd аварийно завершился.</translation>
    </message>
    <message>
        <source>It was ended by signal %1 (%2) without being asked to stop.</source>
        <translation>Он завершён сигналом %1 (%2), хотя его не просили останавливаться.</translation>
    </message>
    <message>
        <source>mailportd was not found.</source>
        <translation>mailportd не найден.</translation>
    </message>
    <message>
        <source>There is no %1. Build or install mailportd next to Mailport.</source>
        <translation>Файла %1 нет. Соберите или установите mailportd рядом с Mailport.</translation>
    </message>
    <message>
        <source>mailportd cannot be run.</source>
        <translation>mailportd невозможно запустить.</translation>
    </message>
    <message>
        <source>%1 is not an executable program.</source>
        <translation>%1 — не исполняемая программа.</translation>
    </message>
    <message>
        <source>mailportd could not be started.</source>
        <translation>Не удалось запустить mailportd.</translation>
    </message>
    <message>
        <source>mailportd did not respond in time.</source>
        <translation>mailportd не ответил вовремя.</translation>
    </message>
    <message>
        <source>Could not write to mailportd.</source>
        <translation>Не удалось записать в mailportd.</translation>
    </message>
    <message>
        <source>Could not read what mailportd printed.</source>
        <translation>Не удалось прочитать вывод mailportd.</translation>
    </message>
    <message>
        <source>Something went wrong with the mailportd process.</source>
        <translation>С процессом mailportd что-то пошло не так.</translation>
    </message>
    <message>
        <source>No mailportd is running there.</source>
        <translation>Там не работает ни один mailportd.</translation>
    </message>
    <message>
        <source>mailportd did not answer in time.</source>
        <translation>mailportd не ответил вовремя.</translation>
    </message>
    <message>
        <source>mailportd closed the control connection.</source>
        <translation>mailportd закрыл управляющее соединение.</translation>
    </message>
    <message>
        <source>This mailportd speaks another version of the control protocol.</source>
        <translation>Этот mailportd говорит на другой версии управляющего протокола.</translation>
    </message>
    <message>
        <source>mailportd answered something Mailport does not understand.</source>
        <translation>mailportd ответил так, что Mailport не понимает.</translation>
    </message>
    <message>
        <source>mailportd cannot do that now.</source>
        <translation>Сейчас mailportd не может этого сделать.</translation>
    </message>
    <message>
        <source>The control request failed.</source>
        <translation>Управляющий запрос не выполнен.</translation>
    </message>
    <message>
        <source>Lost the control connection to mailportd; connecting again</source>
        <translation>Потеряно управляющее соединение с mailportd; подключение заново</translation>
    </message>
</context>
<context>
    <name>Mailport::DaemonLogModel</name>
    <message>
        <source>From mailportd&apos;s log, received %1</source>
        <translation>Из журнала mailportd, получено %1</translation>
    </message>
    <message>
        <source>Printed by mailportd on standard error, received %1</source>
        <translation>Выведено mailportd в стандартный поток ошибок, получено %1</translation>
    </message>
    <message>
        <source>Noted by Mailport at %1</source>
        <translation>Заметка Mailport, %1</translation>
    </message>
</context>
<context>
    <name>Mailport::DaemonPage</name>
    <message numerus="yes">
        <source>%n day(s) %1</source>
        <translation>
            <numerusform>%n день %1</numerusform>
            <numerusform>%n дня %1</numerusform>
            <numerusform>%n дней %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Start Daemon</source>
        <translation>&amp;Запустить демон</translation>
    </message>
    <message>
        <source>Start mailportd with the edited configuration (F5)</source>
        <translation>Запустить mailportd с редактируемой конфигурацией (F5)</translation>
    </message>
    <message>
        <source>S&amp;top Daemon</source>
        <translation>&amp;Остановить демон</translation>
    </message>
    <message>
        <source>Ask mailportd to shut down; press again to force it (Shift+F5)</source>
        <translation>Попросить mailportd завершить работу; нажмите ещё раз, чтобы завершить принудительно (Shift+F5)</translation>
    </message>
    <message>
        <source>&amp;Restart Daemon</source>
        <translation>&amp;Перезапустить демон</translation>
    </message>
    <message>
        <source>Stop mailportd and start it with the edited configuration (Ctrl+Shift+F5)</source>
        <translation>Остановить mailportd и запустить его с редактируемой конфигурацией (Ctrl+Shift+F5)</translation>
    </message>
    <message>
        <source>Re&amp;load Configuration</source>
        <translation>П&amp;еречитать конфигурацию</translation>
    </message>
    <message>
        <source>Save the edited configuration where mailportd reads it and make it reload, keeping its sessions (F6)</source>
        <translation>Сохранить редактируемую конфигурацию туда, откуда её читает mailportd, и заставить его перечитать её, не прерывая сеансов (F6)</translation>
    </message>
    <message>
        <source>&amp;Attach to Running Daemon</source>
        <translation>По&amp;дключиться к работающему демону</translation>
    </message>
    <message>
        <source>Watch a mailportd that already runs on this host, without starting one (Ctrl+Shift+A)</source>
        <translation>Следить за mailportd, уже работающим на этом хосте, не запуская новый (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>&amp;Detach</source>
        <translation>Отк&amp;лючиться</translation>
    </message>
    <message>
        <source>Stop watching the attached mailportd and leave it running</source>
        <translation>Перестать следить за подключённым mailportd и оставить его работать</translation>
    </message>
    <message>
        <source>A temporary copy of the edited configuration</source>
        <translation>Временная копия редактируемой конфигурации</translation>
    </message>
    <message>
        <source>The configuration file (saved first)</source>
        <translation>Файл конфигурации (сначала сохраняется)</translation>
    </message>
    <message>
        <source>What mailportd reads: a private copy leaves the file alone; the file is what a headless mailportd would read</source>
        <translation>Что читает mailportd: личная копия не трогает файл; файл — это то, что прочитал бы mailportd без графического интерфейса</translation>
    </message>
    <message>
        <source>&amp;Run with:</source>
        <translation>&amp;Запускать с:</translation>
    </message>
    <message>
        <source>Configuration:</source>
        <translation>Конфигурация:</translation>
    </message>
    <message>
        <source>Control socket:</source>
        <translation>Управляющий сокет:</translation>
    </message>
    <message>
        <source>Spool:</source>
        <translation>Спул:</translation>
    </message>
    <message>
        <source>Sockets</source>
        <translation>Сокеты</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>Счётчики</translation>
    </message>
    <message>
        <source>Connections:</source>
        <translation>Соединения:</translation>
    </message>
    <message>
        <source>Open now:</source>
        <translation>Открыто сейчас:</translation>
    </message>
    <message>
        <source>Turned away:</source>
        <translation>Отклонено:</translation>
    </message>
    <message>
        <source>Messages stored:</source>
        <translation>Сохранено сообщений:</translation>
    </message>
    <message>
        <source>Rejections:</source>
        <translation>Отказы:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Получено:</translation>
    </message>
    <message>
        <source>Sent:</source>
        <translation>Отправлено:</translation>
    </message>
    <message>
        <source>Filter the log</source>
        <translation>Фильтр журнала</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>Copy All</source>
        <translation>Копировать всё</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Журнал</translation>
    </message>
    <message numerus="yes">
        <source>mailportd would refuse this configuration: it has %n error(s).</source>
        <translation>
            <numerusform>mailportd отверг бы эту конфигурацию: в ней %n ошибка.</numerusform>
            <numerusform>mailportd отверг бы эту конфигурацию: в ней %n ошибки.</numerusform>
            <numerusform>mailportd отверг бы эту конфигурацию: в ней %n ошибок.</numerusform>
        </translation>
    </message>
    <message>
        <source>mailportd re-reads its own configuration file.</source>
        <translation>mailportd перечитывает собственный файл конфигурации.</translation>
    </message>
    <message>
        <source>It runs with its built-in configuration; the edits here do not apply to it.</source>
        <translation>Он работает со встроенной конфигурацией; сделанные здесь правки к нему не применяются.</translation>
    </message>
    <message>
        <source>It reads %1, not the file edited here, so the edits do not apply to it.</source>
        <translation>Он читает %1, а не редактируемый здесь файл, поэтому правки к нему не применяются.</translation>
    </message>
    <message>
        <source>mailportd is not running</source>
        <translation>mailportd не запущен</translation>
    </message>
    <message>
        <source>mailportd is starting…</source>
        <translation>mailportd запускается…</translation>
    </message>
    <message>
        <source>Connecting to mailportd…</source>
        <translation>Подключение к mailportd…</translation>
    </message>
    <message>
        <source>mailportd is running</source>
        <translation>mailportd работает</translation>
    </message>
    <message>
        <source>mailportd is running (attached)</source>
        <translation>mailportd работает (подключено)</translation>
    </message>
    <message>
        <source>mailportd is stopping…</source>
        <translation>mailportd останавливается…</translation>
    </message>
    <message>
        <source>mailportd failed</source>
        <translation>Сбой mailportd</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>pid %1</translation>
    </message>
    <message>
        <source>%1 (a temporary copy of the edited configuration)</source>
        <translation>%1 (временная копия редактируемой конфигурации)</translation>
    </message>
    <message>
        <source>up %1</source>
        <translation>работает %1</translation>
    </message>
    <message numerus="yes">
        <source>The plan has %n socket(s).</source>
        <translation>
            <numerusform>В плане %n сокет.</numerusform>
            <numerusform>В плане %n сокета.</numerusform>
            <numerusform>В плане %n сокетов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Listening on %n socket(s).</source>
        <translation>
            <numerusform>Слушает %n сокет.</numerusform>
            <numerusform>Слушает %n сокета.</numerusform>
            <numerusform>Слушает %n сокетов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n planned socket(s) not bound.</source>
        <translation>
            <numerusform>%n сокет из плана не открыт.</numerusform>
            <numerusform>%n сокета из плана не открыты.</numerusform>
            <numerusform>%n сокетов из плана не открыты.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bound socket(s) not in the plan.</source>
        <translation>
            <numerusform>%n открытый сокет не в плане.</numerusform>
            <numerusform>%n открытых сокета не в плане.</numerusform>
            <numerusform>%n открытых сокетов не в плане.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n socket(s) with another TLS mode.</source>
        <translation>
            <numerusform>%n сокет с другим режимом TLS.</numerusform>
            <numerusform>%n сокета с другим режимом TLS.</numerusform>
            <numerusform>%n сокетов с другим режимом TLS.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Перезапустить</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Перечитать</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Подключиться</translation>
    </message>
</context>
<context>
    <name>Mailport::DaemonWorkspace</name>
    <message>
        <source>Daemon</source>
        <translation>Демон</translation>
    </message>
    <message>
        <source>Test mail</source>
        <translation>Тестовое письмо</translation>
    </message>
    <message>
        <source>Received messages</source>
        <translation>Полученные сообщения</translation>
    </message>
    <message>
        <source>&amp;Daemon</source>
        <translation>&amp;Демон</translation>
    </message>
    <message>
        <source>mailportd: %1 (pid %2)</source>
        <translation>mailportd: %1 (pid %2)</translation>
    </message>
    <message>
        <source>mailportd: %1</source>
        <translation>mailportd: %1</translation>
    </message>
    <message>
        <source>Stopping mailportd before closing…</source>
        <translation>Остановка mailportd перед закрытием…</translation>
    </message>
</context>
<context>
    <name>Mailport::DiagnosticsModel</name>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>Опция</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Элемент</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
</context>
<context>
    <name>Mailport::DiagnosticsPanel</name>
    <message>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <source>No problems: Exim would accept this configuration and bind every socket of the plan.</source>
        <translation>Проблем нет: Exim примет эту конфигурацию и откроет все сокеты плана.</translation>
    </message>
</context>
<context>
    <name>Mailport::HostInterfacesModel</name>
    <message>
        <source>up</source>
        <translation>включён</translation>
    </message>
    <message>
        <source>down</source>
        <translation>выключен</translation>
    </message>
    <message>
        <source>running</source>
        <translation>работает</translation>
    </message>
    <message>
        <source>loopback</source>
        <translation>loopback</translation>
    </message>
    <message>
        <source>point-to-point</source>
        <translation>точка-точка</translation>
    </message>
    <message>
        <source>broadcast</source>
        <translation>широковещательный</translation>
    </message>
    <message>
        <source>multicast</source>
        <translation>групповая рассылка</translation>
    </message>
    <message>
        <source>link-local</source>
        <translation>локальный для канала</translation>
    </message>
    <message>
        <source>unique local</source>
        <translation>уникальный локальный</translation>
    </message>
    <message>
        <source>private</source>
        <translation>частный</translation>
    </message>
    <message>
        <source>global</source>
        <translation>глобальный</translation>
    </message>
    <message>
        <source>unspecified</source>
        <translation>неопределённый</translation>
    </message>
    <message numerus="yes">
        <source>Listened on, port %1</source>
        <translation>
            <numerusform>Прослушивается, порт %1</numerusform>
            <numerusform>Прослушивается, порты %1</numerusform>
            <numerusform>Прослушивается, порты %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Covered by %1, port %2</source>
        <translation>
            <numerusform>Охвачен адресом %1, порт %2</numerusform>
            <numerusform>Охвачен адресом %1, порты %2</numerusform>
            <numerusform>Охвачен адресом %1, порты %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Treated as local, not listened on</source>
        <translation>Считается локальным, не прослушивается</translation>
    </message>
    <message>
        <source>Interface %1 (index %2): %3</source>
        <translation>Интерфейс %1 (индекс %2): %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Interface / address</source>
        <translation>Интерфейс / адрес</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Префикс</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Область</translation>
    </message>
    <message>
        <source>Scope ID</source>
        <translation>ID области</translation>
    </message>
    <message>
        <source>Used by the configuration</source>
        <translation>Использование в конфигурации</translation>
    </message>
    <message>
        <source>MTU</source>
        <translation>MTU</translation>
    </message>
    <message>
        <source>Hardware address</source>
        <translation>Аппаратный адрес</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Флаги</translation>
    </message>
</context>
<context>
    <name>Mailport::HostInterfacesView</name>
    <message>
        <source>Listen on this address</source>
        <translation>Слушать этот адрес</translation>
    </message>
    <message>
        <source>Add the selected address to local_interfaces</source>
        <translation>Добавить выбранный адрес в local_interfaces</translation>
    </message>
    <message>
        <source>Treat as local</source>
        <translation>Считать локальным</translation>
    </message>
    <message>
        <source>Add the selected address to extra_local_interfaces: local for routing, not listened on</source>
        <translation>Добавить выбранный адрес в extra_local_interfaces: локальный при роутинге, но не прослушивается</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Read the interfaces again (this also happens every few seconds)</source>
        <translation>Перечитать интерфейсы (это происходит и само каждые несколько секунд)</translation>
    </message>
    <message>
        <source>Host interfaces</source>
        <translation>Интерфейсы хоста</translation>
    </message>
    <message>
        <source>Interfaces: %1 · addresses: %2 · read at %3</source>
        <translation>Интерфейсов: %1 · адресов: %2 · прочитано в %3</translation>
    </message>
</context>
<context>
    <name>Mailport::InterfaceListEditor</name>
    <message>
        <source>Add an address (Insert)</source>
        <translation>Добавить адрес (Insert)</translation>
    </message>
    <message>
        <source>Remove the selected addresses (Delete)</source>
        <translation>Удалить выбранные адреса (Delete)</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>Переместить вверх (Alt+Вверх)</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>Переместить вниз (Alt+Вниз)</translation>
    </message>
    <message>
        <source>Remove the setting: Exim&apos;s default applies</source>
        <translation>Удалить настройку: действует значение Exim по умолчанию</translation>
    </message>
    <message>
        <source>Not set in the file: these are Exim&apos;s defaults.</source>
        <translation>В файле не задано: это значения Exim по умолчанию.</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Значение:</translation>
    </message>
    <message>
        <source>The option&apos;s exact value. Edit the table or this line: each follows the other.</source>
        <translation>Точное значение опции. Правьте таблицу или эту строку: они следуют друг за другом.</translation>
    </message>
</context>
<context>
    <name>Mailport::InterfaceListModel</name>
    <message>
        <source>default ports</source>
        <translation>порты по умолчанию</translation>
    </message>
    <message>
        <source>Item: %1</source>
        <translation>Элемент: %1</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <source>IPv6 scope</source>
        <translation>Область IPv6</translation>
    </message>
</context>
<context>
    <name>Mailport::ListenerStatusModel</name>
    <message>
        <source>Implicit TLS</source>
        <translation>Неявный TLS</translation>
    </message>
    <message>
        <source>SMTP with STARTTLS</source>
        <translation>SMTP со STARTTLS</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>По плану</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Слушает</translation>
    </message>
    <message>
        <source>Planned, but not bound</source>
        <translation>В плане, но не открыт</translation>
    </message>
    <message>
        <source>Bound, but not in the plan</source>
        <translation>Открыт, но не в плане</translation>
    </message>
    <message>
        <source>Bound with the other TLS mode</source>
        <translation>Открыт с другим режимом TLS</translation>
    </message>
    <message>
        <source>mailportd does not run; this is what it would bind.</source>
        <translation>mailportd не запущен; вот что он открыл бы.</translation>
    </message>
    <message>
        <source>mailportd listens here as planned.</source>
        <translation>mailportd слушает здесь, как запланировано.</translation>
    </message>
    <message>
        <source>The plan has this socket, but the running mailportd does not listen on it: it was started with another configuration, or the socket was skipped (see the log).</source>
        <translation>Этот сокет есть в плане, но работающий mailportd его не слушает: демон запущен с другой конфигурацией или сокет пропущен (см. журнал).</translation>
    </message>
    <message>
        <source>mailportd listens here, but the edited configuration does not plan it: reload or restart the daemon to apply the edits.</source>
        <translation>mailportd слушает здесь, но в редактируемой конфигурации этого нет: перечитайте конфигурацию или перезапустите демон, чтобы применить правки.</translation>
    </message>
    <message>
        <source>mailportd listens here, but not with the TLS mode the plan has.</source>
        <translation>mailportd слушает здесь, но не в том режиме TLS, что в плане.</translation>
    </message>
    <message>
        <source>%1 (planned: %2)</source>
        <translation>%1 (по плану: %2)</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>Сокет</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Planned by</source>
        <translation>Откуда в плане</translation>
    </message>
    <message>
        <source>Bound as</source>
        <translation>Открыт как</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
</context>
<context>
    <name>Mailport::MainWindow</name>
    <message>
        <source>Configurations (*.conf *.cfg configure);;All files (*)</source>
        <translation>Конфигурации (*.conf *.cfg configure);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Конфигурация</translation>
    </message>
    <message>
        <source>Listening plan</source>
        <translation>План прослушивания</translation>
    </message>
    <message>
        <source>Host interfaces</source>
        <translation>Интерфейсы хоста</translation>
    </message>
    <message>
        <source>File text</source>
        <translation>Текст файла</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Создать</translation>
    </message>
    <message>
        <source>Start a new configuration</source>
        <translation>Начать новую конфигурацию</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <source>Open a Mailport or Exim configuration</source>
        <translation>Открыть конфигурацию Mailport или Exim</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Со&amp;хранить</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Сохранить &amp;как…</translation>
    </message>
    <message>
        <source>&amp;Import exim.conf…</source>
        <translation>&amp;Импорт exim.conf…</translation>
    </message>
    <message>
        <source>Take the listening options from an Exim configuration</source>
        <translation>Взять опции прослушивания из конфигурации Exim</translation>
    </message>
    <message>
        <source>Import sendmail DaemonPortOptions…</source>
        <translation>Импорт DaemonPortOptions из sendmail…</translation>
    </message>
    <message>
        <source>Convert the listening sockets of a sendmail.cf or sendmail.mc to Exim options</source>
        <translation>Преобразовать слушающие сокеты из sendmail.cf или sendmail.mc в опции Exim</translation>
    </message>
    <message>
        <source>&amp;Export Exim Options…</source>
        <translation>&amp;Экспорт опций Exim…</translation>
    </message>
    <message>
        <source>Write the options this file sets, ready for an exim.conf</source>
        <translation>Записать опции, заданные в этом файле, в виде, готовом для exim.conf</translation>
    </message>
    <message>
        <source>&amp;Copy Exim Options</source>
        <translation>С&amp;копировать опции Exim</translation>
    </message>
    <message>
        <source>Export sendmail DaemonPortOptions…</source>
        <translation>Экспорт DaemonPortOptions для sendmail…</translation>
    </message>
    <message>
        <source>Write the plan&apos;s sockets as sendmail declarations</source>
        <translation>Записать сокеты плана в виде объявлений sendmail</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;Next Problem</source>
        <translation>&amp;Следующая проблема</translation>
    </message>
    <message>
        <source>&amp;Previous Problem</source>
        <translation>&amp;Предыдущая проблема</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавние файлы</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Основная</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>The new language applies when Mailport starts again.</source>
        <translation>Новый язык будет применён при следующем запуске Mailport.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About Mailport</source>
        <translation>&amp;О Mailport</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>О &amp;Qt</translation>
    </message>
    <message>
        <source>%1[*] — Mailport</source>
        <translation>%1[*] — Mailport</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n ошибка</numerusform>
            <numerusform>%n ошибки</numerusform>
            <numerusform>%n ошибок</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n warning(s)</source>
        <translation>
            <numerusform>%1, %n предупреждение</numerusform>
            <numerusform>%1, %n предупреждения</numerusform>
            <numerusform>%1, %n предупреждений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n предупреждение</numerusform>
            <numerusform>%n предупреждения</numerusform>
            <numerusform>%n предупреждений</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Проблем нет</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n socket(s)</source>
        <translation>
            <numerusform>%1 · %n сокет</numerusform>
            <numerusform>%1 · %n сокета</numerusform>
            <numerusform>%1 · %n сокетов</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Проблемы (%1)</translation>
    </message>
    <message>
        <source>New configuration.</source>
        <translation>Новая конфигурация.</translation>
    </message>
    <message>
        <source>Open Configuration</source>
        <translation>Открыть конфигурацию</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>Открыт файл %1.</translation>
    </message>
    <message>
        <source>Save Configuration</source>
        <translation>Сохранить конфигурацию</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Сохранён файл %1.</translation>
    </message>
    <message>
        <source>No Recent Files</source>
        <translation>Недавних файлов нет</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Очистить список</translation>
    </message>
    <message>
        <source>Import an Exim Configuration</source>
        <translation>Импорт конфигурации Exim</translation>
    </message>
    <message>
        <source>Import sendmail Listening Options</source>
        <translation>Импорт опций прослушивания sendmail</translation>
    </message>
    <message>
        <source>sendmail configurations (*.cf *.mc);;All files (*)</source>
        <translation>Конфигурации sendmail (*.cf *.mc);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Export Exim Options</source>
        <translation>Экспорт опций Exim</translation>
    </message>
    <message>
        <source>Exim configuration fragments (*.conf);;All files (*)</source>
        <translation>Фрагменты конфигурации Exim (*.conf);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Exported the Exim options to %1.</source>
        <translation>Опции Exim экспортированы в %1.</translation>
    </message>
    <message>
        <source>The Exim options are on the clipboard.</source>
        <translation>Опции Exim скопированы в буфер обмена.</translation>
    </message>
    <message>
        <source>Export sendmail DaemonPortOptions</source>
        <translation>Экспорт DaemonPortOptions для sendmail</translation>
    </message>
    <message>
        <source>sendmail.mc lines (*.mc);;sendmail.cf lines (*.cf)</source>
        <translation>Строки sendmail.mc (*.mc);;Строки sendmail.cf (*.cf)</translation>
    </message>
    <message>
        <source>Exported the sendmail options to %1.</source>
        <translation>Опции sendmail экспортированы в %1.</translation>
    </message>
    <message numerus="yes">
        <source>Exported to %1, leaving out %n socket(s) sendmail cannot express.</source>
        <translation>
            <numerusform>Экспортировано в %1; пропущен %n сокет, который нельзя выразить в sendmail.</numerusform>
            <numerusform>Экспортировано в %1; пропущены %n сокета, которые нельзя выразить в sendmail.</numerusform>
            <numerusform>Экспортировано в %1; пропущено %n сокетов, которые нельзя выразить в sendmail.</numerusform>
        </translation>
    </message>
    <message>
        <source>Added %1 to %2.</source>
        <translation>Адрес %1 добавлен в %2.</translation>
    </message>
    <message>
        <source>%1 is already in %2.</source>
        <translation>Адрес %1 уже есть в %2.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Mailport %1&lt;/h3&gt;&lt;p&gt;Checks Exim&apos;s listening options the way Exim reads them, shows the sockets the daemon would bind, and runs a test SMTP daemon.&lt;/p&gt;&lt;p&gt;Qt %2 (built with %3)&lt;br&gt;%4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Mailport %1&lt;/h3&gt;&lt;p&gt;Проверяет опции прослушивания Exim так, как их читает сам Exim, показывает сокеты, которые откроет демон, и запускает тестовый SMTP-демон.&lt;/p&gt;&lt;p&gt;Qt %2 (собрано с %3)&lt;br&gt;%4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Mailport</source>
        <translation>О Mailport</translation>
    </message>
</context>
<context>
    <name>Mailport::OptionField</name>
    <message>
        <source>no time at all</source>
        <translation>нисколько</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n час</numerusform>
            <numerusform>%n часа</numerusform>
            <numerusform>%n часов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n минута</numerusform>
            <numerusform>%n минуты</numerusform>
            <numerusform>%n минут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n секунда</numerusform>
            <numerusform>%n секунды</numerusform>
            <numerusform>%n секунд</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove the setting: Exim&apos;s default applies</source>
        <translation>Удалить настройку: действует значение Exim по умолчанию</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Выбрать файл</translation>
    </message>
    <message>
        <source>set to an empty value</source>
        <translation>задано пустое значение</translation>
    </message>
    <message>
        <source>unset</source>
        <translation>не задано</translation>
    </message>
    <message>
        <source>Exim&apos;s default: %1</source>
        <translation>по умолчанию в Exim: %1</translation>
    </message>
    <message>
        <source>not given, e.g. &lt;; [::1]:2525 ; 127.0.0.1.2525</source>
        <translation>не задано, например &lt;; [::1]:2525 ; 127.0.0.1.2525</translation>
    </message>
    <message>
        <source>%1 (unknown service)</source>
        <translation>%1 (неизвестная служба)</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>Ports: %1</source>
        <translation>Порты: %1</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>без ограничения</translation>
    </message>
</context>
<context>
    <name>Mailport::PlanModel</name>
    <message>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <source>IPv6 only</source>
        <translation>только IPv6</translation>
    </message>
    <message>
        <source>IPv6 (Exim assumes IPv4 too)</source>
        <translation>IPv6 (Exim считает, что и IPv4)</translation>
    </message>
    <message>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <source>Implicit TLS (SMTPS)</source>
        <translation>Неявный TLS (SMTPS)</translation>
    </message>
    <message>
        <source>Plain SMTP, no STARTTLS</source>
        <translation>Простой SMTP без STARTTLS</translation>
    </message>
    <message>
        <source>SMTP with STARTTLS</source>
        <translation>SMTP со STARTTLS</translation>
    </message>
    <message>
        <source>%1 (every IPv6 address)</source>
        <translation>%1 (все адреса IPv6)</translation>
    </message>
    <message>
        <source>%1 (every IPv4 address)</source>
        <translation>%1 (все адреса IPv4)</translation>
    </message>
    <message>
        <source>Another program already listens on %1, so binding it fails with &quot;Address already in use&quot;.</source>
        <translation>Другая программа уже слушает %1, поэтому привязка завершится ошибкой «Address already in use».</translation>
    </message>
    <message>
        <source>%1 (written %2)</source>
        <translation>%1 (записано %2)</translation>
    </message>
    <message>
        <source>Port in use</source>
        <translation>Порт занят</translation>
    </message>
    <message>
        <source>Ready to bind</source>
        <translation>Готов к привязке</translation>
    </message>
    <message>
        <source>%1, line %2, column %3: %4</source>
        <translation>%1, строка %2, столбец %3: %4</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Область</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Семейство</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Протокол</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Элемент</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
</context>
<context>
    <name>Mailport::PlanView</name>
    <message>
        <source>Listening sockets</source>
        <translation>Слушающие сокеты</translation>
    </message>
    <message numerus="yes">
        <source>Exim would refuse to start (%n error(s)).</source>
        <translation>
            <numerusform>Exim откажется запускаться (%n ошибка).</numerusform>
            <numerusform>Exim откажется запускаться (%n ошибки).</numerusform>
            <numerusform>Exim откажется запускаться (%n ошибок).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exim would start and bind %n socket(s).</source>
        <translation>
            <numerusform>Exim запустится и откроет %n сокет.</numerusform>
            <numerusform>Exim запустится и откроет %n сокета.</numerusform>
            <numerusform>Exim запустится и откроет %n сокетов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Its log would say: “%1”.</source>
        <translation>В его журнале будет: «%1».</translation>
    </message>
    <message numerus="yes">
        <source>%n socket(s) are taken by another program: the daemon cannot bind them until it stops.</source>
        <translation>
            <numerusform>%n сокет занят другой программой: демон не сможет его открыть, пока она не остановится.</numerusform>
            <numerusform>%n сокета заняты другой программой: демон не сможет их открыть, пока она не остановится.</numerusform>
            <numerusform>%n сокетов заняты другой программой: демон не сможет их открыть, пока она не остановится.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): see Problems.</source>
        <translation>
            <numerusform>%n предупреждение: см. «Проблемы».</numerusform>
            <numerusform>%n предупреждения: см. «Проблемы».</numerusform>
            <numerusform>%n предупреждений: см. «Проблемы».</numerusform>
        </translation>
    </message>
    <message>
        <source>No address counts as the local host.</source>
        <translation>Ни один адрес не считается локальным хостом.</translation>
    </message>
    <message>
        <source>Treated as the local host when routing: %1</source>
        <translation>Считаются локальным хостом при роутинге: %1</translation>
    </message>
</context>
<context>
    <name>Mailport::ProblemBanner</name>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Show or hide what exactly happened</source>
        <translation>Показать или скрыть, что именно произошло</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>Mailport::Prompter</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Save the changes to “%1”?</source>
        <translation>Сохранить изменения в «%1»?</translation>
    </message>
    <message>
        <source>Your changes are lost if you do not save them.</source>
        <translation>Если не сохранить изменения, они будут потеряны.</translation>
    </message>
    <message>
        <source>Mailport</source>
        <translation>Mailport</translation>
    </message>
</context>
<context>
    <name>Mailport::ReceivedMessagesModel</name>
    <message>
        <source>From: %1</source>
        <translation>From: %1</translation>
    </message>
    <message>
        <source>Through the proxy %1</source>
        <translation>Через прокси %1</translation>
    </message>
    <message>
        <source>HELO %1</source>
        <translation>HELO %1</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <source>From</source>
        <translation>От</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Listener</source>
        <translation>Слушающий сокет</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
</context>
<context>
    <name>Mailport::ReceivedMessagesPage</name>
    <message>
        <source>&amp;Refresh Messages</source>
        <translation>&amp;Обновить сообщения</translation>
    </message>
    <message>
        <source>Read the spool again (Ctrl+Shift+R)</source>
        <translation>Перечитать спул (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Filter the messages</source>
        <translation>Фильтр сообщений</translation>
    </message>
    <message>
        <source>Select a message to see its headers.</source>
        <translation>Выберите сообщение, чтобы увидеть его заголовки.</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Заголовки</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Исходный текст</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in the spool are not messages.</source>
        <translation>
            <numerusform>%n файл в спуле — не сообщение.</numerusform>
            <numerusform>%n файла в спуле — не сообщения.</numerusform>
            <numerusform>%n файлов в спуле — не сообщения.</numerusform>
        </translation>
    </message>
    <message>
        <source>No spool known yet.</source>
        <translation>Спул пока неизвестен.</translation>
    </message>
    <message>
        <source>No messages: %1 does not exist yet.</source>
        <translation>Сообщений нет: %1 ещё не существует.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) in %1</source>
        <translation>
            <numerusform>%n сообщение в %1</numerusform>
            <numerusform>%n сообщения в %1</numerusform>
            <numerusform>%n сообщений в %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The message cannot be read.</source>
        <translation>Сообщение не читается.</translation>
    </message>
    <message>
        <source>[… the message has %1; only the first %2 are shown]</source>
        <translation>[… размер сообщения %1; показаны только первые %2]</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
</context>
<context>
    <name>Mailport::SourceEditor</name>
    <message>
        <source>Configuration file text</source>
        <translation>Текст файла конфигурации</translation>
    </message>
</context>
<context>
    <name>Mailport::TestMailClient</name>
    <message>
        <source>Nothing accepts connections on %1 (connection refused).</source>
        <translation>На %1 никто не принимает соединения (connection refused).</translation>
    </message>
    <message>
        <source>%1 cannot be reached: %2.</source>
        <translation>%1 недоступен: %2.</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2.</source>
        <translation>Не удаётся подключиться к %1: %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address; test mail connects to addresses only, never to host names.</source>
        <translation>«%1» — не IP-адрес; тестовое письмо отправляется только на адреса, никогда на имена хостов.</translation>
    </message>
    <message>
        <source>Port 0 cannot be connected to.</source>
        <translation>К порту 0 подключиться нельзя.</translation>
    </message>
    <message>
        <source>The test message has no recipient.</source>
        <translation>У тестового письма нет получателя.</translation>
    </message>
    <message>
        <source>The sender &quot;%1&quot; contains a control character or an angle bracket.</source>
        <translation>Отправитель «%1» содержит управляющий символ или угловую скобку.</translation>
    </message>
    <message>
        <source>The EHLO name &quot;%1&quot; contains a space or a control character.</source>
        <translation>Имя EHLO «%1» содержит пробел или управляющий символ.</translation>
    </message>
    <message>
        <source>The recipient &quot;%1&quot; is empty or contains a control character or an angle bracket.</source>
        <translation>Получатель «%1» пуст или содержит управляющий символ либо угловую скобку.</translation>
    </message>
    <message>
        <source>The test was cancelled.</source>
        <translation>Проверка отменена.</translation>
    </message>
    <message>
        <source>Connecting to %1 (%2).</source>
        <translation>Подключение к %1 (%2).</translation>
    </message>
    <message>
        <source>Connected from %1 port %2.</source>
        <translation>Подключено с %1, порт %2.</translation>
    </message>
    <message>
        <source>TLS established: %1, %2.</source>
        <translation>TLS установлен: %1, %2.</translation>
    </message>
    <message>
        <source>Server certificate: %1</source>
        <translation>Сертификат сервера: %1</translation>
    </message>
    <message>
        <source>Certificate problem (ignored): %1</source>
        <translation>Проблема с сертификатом (пропущена): %1</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2.</source>
        <translation>Согласование TLS с %1 не удалось: %2.</translation>
    </message>
    <message>
        <source>The server closed the connection while the client waited for %1.</source>
        <translation>Сервер закрыл соединение, пока клиент ждал: %1.</translation>
    </message>
    <message>
        <source>The connection broke while the client waited for %1: %2.</source>
        <translation>Соединение оборвалось, пока клиент ждал: %1: %2.</translation>
    </message>
    <message>
        <source>No reply to QUIT within %1 ms; closing.</source>
        <translation>Нет ответа на QUIT за %1 мс; соединение закрывается.</translation>
    </message>
    <message>
        <source>No connection to %1 within %2 ms.</source>
        <translation>Нет соединения с %1 за %2 мс.</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 did not finish within %2 ms.</source>
        <translation>Согласование TLS с %1 не завершилось за %2 мс.</translation>
    </message>
    <message>
        <source>%1 did not come within %2 ms.</source>
        <translation>Не получено за %2 мс: %1.</translation>
    </message>
    <message>
        <source>The server sent a line longer than %1 bytes.</source>
        <translation>Сервер прислал строку длиннее %1 байт.</translation>
    </message>
    <message>
        <source>The server sent a line that is not an SMTP reply: &quot;%1&quot;.</source>
        <translation>Сервер прислал строку, которая не является ответом SMTP: «%1».</translation>
    </message>
    <message>
        <source>The lines of one reply carry different codes (%1, then %2).</source>
        <translation>Строки одного ответа несут разные коды (%1, затем %2).</translation>
    </message>
    <message>
        <source>The server&apos;s reply has more than %1 lines.</source>
        <translation>В ответе сервера больше %1 строк.</translation>
    </message>
    <message>
        <source>The server refused the sender &lt;%1&gt;: %2</source>
        <translation>Сервер отклонил отправителя &lt;%1&gt;: %2</translation>
    </message>
    <message>
        <source>The server refused the recipient &lt;%1&gt;: %2</source>
        <translation>Сервер отклонил получателя &lt;%1&gt;: %2</translation>
    </message>
    <message>
        <source>The server refused DATA: %1</source>
        <translation>Сервер отклонил DATA: %1</translation>
    </message>
    <message>
        <source>The server did not accept the message: %1</source>
        <translation>Сервер не принял письмо: %1</translation>
    </message>
    <message>
        <source>The server answered QUIT with %1 instead of 221: %2</source>
        <translation>Сервер ответил на QUIT кодом %1 вместо 221: %2</translation>
    </message>
    <message>
        <source>The server refused the session: %1</source>
        <translation>Сервер отказал в сеансе: %1</translation>
    </message>
    <message>
        <source>EHLO refused; trying HELO.</source>
        <translation>EHLO отклонён; пробуем HELO.</translation>
    </message>
    <message>
        <source>The server refused %1: %2</source>
        <translation>Сервер отклонил %1: %2</translation>
    </message>
    <message>
        <source>The server does not offer STARTTLS.</source>
        <translation>Сервер не предлагает STARTTLS.</translation>
    </message>
    <message>
        <source>The server does not offer STARTTLS; going on without TLS.</source>
        <translation>Сервер не предлагает STARTTLS; продолжаем без TLS.</translation>
    </message>
    <message>
        <source>The server refused STARTTLS: %1</source>
        <translation>Сервер отклонил STARTTLS: %1</translation>
    </message>
    <message>
        <source>The server sent more data right after its 220 reply to STARTTLS; in clear text it would pass for TLS-protected data (CVE-2011-0411).</source>
        <translation>Сервер прислал ещё данные сразу после ответа 220 на STARTTLS; открытым текстом они сошли бы за защищённые TLS (CVE-2011-0411).</translation>
    </message>
    <message>
        <source>Sent the message: %1 bytes, Message-ID &lt;%2&gt;.</source>
        <translation>Письмо отправлено: %1 байт, Message-ID &lt;%2&gt;.</translation>
    </message>
    <message>
        <source>the greeting</source>
        <translation>приветствие</translation>
    </message>
    <message>
        <source>the reply to EHLO</source>
        <translation>ответ на EHLO</translation>
    </message>
    <message>
        <source>the reply to HELO</source>
        <translation>ответ на HELO</translation>
    </message>
    <message>
        <source>the reply to STARTTLS</source>
        <translation>ответ на STARTTLS</translation>
    </message>
    <message>
        <source>the reply to MAIL FROM</source>
        <translation>ответ на MAIL FROM</translation>
    </message>
    <message>
        <source>the reply to RCPT TO</source>
        <translation>ответ на RCPT TO</translation>
    </message>
    <message>
        <source>the reply to DATA</source>
        <translation>ответ на DATA</translation>
    </message>
    <message>
        <source>the reply to the message</source>
        <translation>ответ на письмо</translation>
    </message>
    <message>
        <source>the reply to QUIT</source>
        <translation>ответ на QUIT</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>ответ сервера</translation>
    </message>
    <message>
        <source>%1 port %2</source>
        <translation>%1, порт %2</translation>
    </message>
</context>
<context>
    <name>Mailport::TestMailModel</name>
    <message>
        <source>Plain SMTP</source>
        <translation>Простой SMTP</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>Implicit TLS</source>
        <translation>Неявный TLS</translation>
    </message>
    <message>
        <source>the test could not be set up</source>
        <translation>тест не удалось подготовить</translation>
    </message>
    <message>
        <source>could not connect</source>
        <translation>не удалось подключиться</translation>
    </message>
    <message>
        <source>no usable greeting</source>
        <translation>нет пригодного приветствия</translation>
    </message>
    <message>
        <source>EHLO was refused</source>
        <translation>EHLO отклонён</translation>
    </message>
    <message>
        <source>STARTTLS failed</source>
        <translation>сбой STARTTLS</translation>
    </message>
    <message>
        <source>the TLS handshake failed</source>
        <translation>сбой согласования TLS</translation>
    </message>
    <message>
        <source>the sender was refused</source>
        <translation>отправитель отклонён</translation>
    </message>
    <message>
        <source>the recipient was refused</source>
        <translation>получатель отклонён</translation>
    </message>
    <message>
        <source>the message was refused</source>
        <translation>сообщение отклонено</translation>
    </message>
    <message>
        <source>QUIT failed</source>
        <translation>сбой QUIT</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>сервер не ответил вовремя</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>Last reply: %1</source>
        <translation>Последний ответ: %1</translation>
    </message>
    <message>
        <source>Test mail to %1 (%2): %3</source>
        <translation>Тестовое письмо на %1 (%2): %3</translation>
    </message>
    <message>
        <source>Planned as implicit TLS; the test connects to %1</source>
        <translation>В плане — неявный TLS; тест подключается к %1</translation>
    </message>
    <message>
        <source>Planned as SMTP with STARTTLS; the test connects to %1</source>
        <translation>В плане — SMTP со STARTTLS; тест подключается к %1</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Ожидание</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Отправка…</translation>
    </message>
    <message>
        <source>Passed (%1 ms)</source>
        <translation>Успешно (%1 мс)</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Сбой: %1</translation>
    </message>
    <message>
        <source>Listener</source>
        <translation>Слушающий сокет</translation>
    </message>
</context>
<context>
    <name>Mailport::TestMailPage</name>
    <message>
        <source>&amp;Send Test Mail</source>
        <translation>&amp;Отправить тестовое письмо</translation>
    </message>
    <message>
        <source>Send a test message to the chosen listeners (Ctrl+Return)</source>
        <translation>Отправить тестовое сообщение на выбранные слушающие сокеты (Ctrl+Return)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>О&amp;тмена</translation>
    </message>
    <message>
        <source>As planned (plain and STARTTLS, or implicit TLS)</source>
        <translation>По плану (простой и STARTTLS или неявный TLS)</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>Только %1</translation>
    </message>
    <message>
        <source>Mailport test message</source>
        <translation>Тестовое сообщение Mailport</translation>
    </message>
    <message>
        <source>&amp;Listener:</source>
        <translation>&amp;Слушающий сокет:</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Режим:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>О&amp;т:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Кому:</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>Т&amp;ема:</translation>
    </message>
    <message>
        <source>Select a result to see its SMTP conversation.</source>
        <translation>Выберите результат, чтобы увидеть его SMTP-диалог.</translation>
    </message>
    <message>
        <source>SMTP transcript</source>
        <translation>Протокол SMTP</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>Протокол:</translation>
    </message>
    <message>
        <source>Cipher:</source>
        <translation>Шифр:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Сертификат:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Издатель:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Действителен:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Verification:</source>
        <translation>Проверка:</translation>
    </message>
    <message numerus="yes">
        <source>All %n listener(s) of the plan</source>
        <translation>
            <numerusform>Все слушающие сокеты плана (%n)</numerusform>
            <numerusform>Все слушающие сокеты плана (%n)</numerusform>
            <numerusform>Все слушающие сокеты плана (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no listener to test.</source>
        <translation>Нет слушающих сокетов для проверки.</translation>
    </message>
    <message>
        <source>The plan has no socket; edit local_interfaces or daemon_smtp_ports first.</source>
        <translation>В плане нет сокетов; сначала отредактируйте local_interfaces или daemon_smtp_ports.</translation>
    </message>
    <message>
        <source>The test mail needs a recipient.</source>
        <translation>Тестовому письму нужен получатель.</translation>
    </message>
    <message>
        <source>postmaster is always accepted.</source>
        <translation>postmaster принимается всегда.</translation>
    </message>
    <message>
        <source>Choose a listener and send.</source>
        <translation>Выберите слушающий сокет и отправьте.</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>Без шифрования</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>с %1 по %2</translation>
    </message>
    <message>
        <source>Trusted by this system</source>
        <translation>Доверенный для этой системы</translation>
    </message>
    <message>
        <source>Not verified (ignored for a test): %1</source>
        <translation>Не проверен (для теста это не важно): %1</translation>
    </message>
    <message>
        <source>Protocol: %1</source>
        <translation>Протокол: %1</translation>
    </message>
    <message>
        <source>Cipher: %1</source>
        <translation>Шифр: %1</translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation>Сертификат: %1</translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation>Издатель: %1</translation>
    </message>
    <message>
        <source>Verification: %1</source>
        <translation>Проверка: %1</translation>
    </message>
    <message>
        <source>Passed: %1 · failed: %2 · running: %3</source>
        <translation>Успешно: %1 · сбоев: %2 · выполняется: %3</translation>
    </message>
    <message>
        <source>Passed: %1 · failed: %2</source>
        <translation>Успешно: %1 · сбоев: %2</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
</context>
<context>
    <name>OptionCatalog</name>
    <message>
        <source>text</source>
        <translation>текст</translation>
    </message>
    <message>
        <source>list</source>
        <translation>список</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true или false</translation>
    </message>
    <message>
        <source>number</source>
        <translation>число</translation>
    </message>
    <message>
        <source>time</source>
        <translation>время</translation>
    </message>
    <message>
        <source>size</source>
        <translation>размер</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Прослушивание</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>PROXY</source>
        <translation>PROXY</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Ограничения</translation>
    </message>
    <message>
        <source>Spool and logs</source>
        <translation>Спул и журналы</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>Слушать на</translation>
    </message>
    <message>
        <source>Also local (not listened on)</source>
        <translation>Также локальные (без прослушивания)</translation>
    </message>
    <message>
        <source>Default ports</source>
        <translation>Порты по умолчанию</translation>
    </message>
    <message>
        <source>Implicit TLS ports (SMTPS)</source>
        <translation>Порты неявного TLS (SMTPS)</translation>
    </message>
    <message>
        <source>Disable IPv6</source>
        <translation>Отключить IPv6</translation>
    </message>
    <message>
        <source>Connection backlog</source>
        <translation>Очередь соединений</translation>
    </message>
    <message>
        <source>Primary host name</source>
        <translation>Основное имя хоста</translation>
    </message>
    <message>
        <source>Greeting banner</source>
        <translation>Приветственный баннер</translation>
    </message>
    <message>
        <source>Connections at once</source>
        <translation>Одновременных соединений</translation>
    </message>
    <message>
        <source>Connections per client host</source>
        <translation>Соединений с одного хоста</translation>
    </message>
    <message>
        <source>Receive timeout</source>
        <translation>Тайм-аут приёма</translation>
    </message>
    <message>
        <source>Largest message</source>
        <translation>Наибольшее сообщение</translation>
    </message>
    <message>
        <source>Recipients per message</source>
        <translation>Получателей на сообщение</translation>
    </message>
    <message>
        <source>Spool directory</source>
        <translation>Каталог спула</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Файл журнала</translation>
    </message>
    <message>
        <source>PID file</source>
        <translation>Файл PID</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Сертификат</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Закрытый ключ</translation>
    </message>
    <message>
        <source>Offer STARTTLS to</source>
        <translation>Предлагать STARTTLS</translation>
    </message>
    <message>
        <source>OCSP response file</source>
        <translation>Файл ответа OCSP</translation>
    </message>
    <message>
        <source>PROXY protocol from</source>
        <translation>Протокол PROXY от</translation>
    </message>
    <message>
        <source>PROXY header timeout</source>
        <translation>Тайм-аут заголовка PROXY</translation>
    </message>
    <message>
        <source>Test with -oX</source>
        <translation>Проверить с -oX</translation>
    </message>
    <message>
        <source>Every port uses implicit TLS (-tls-on-connect)</source>
        <translation>Все порты с неявным TLS (-tls-on-connect)</translation>
    </message>
    <message>
        <source>The IP addresses the daemon listens on, each optionally with its own port (192.168.1.5.2525 or [::1]:2525). Items without a port use daemon_smtp_ports. 0.0.0.0 and ::0 mean every IPv4 and every IPv6 address. These addresses also count as the local host when Exim routes mail.</source>
        <translation>IP-адреса, на которых слушает демон, каждый при необходимости со своим портом (192.168.1.5.2525 или [::1]:2525). Для элементов без порта используется daemon_smtp_ports. 0.0.0.0 и ::0 означают все интерфейсы IPv4 и все интерфейсы IPv6. Эти адреса также считаются локальным хостом, когда Exim маршрутизирует почту.</translation>
    </message>
    <message>
        <source>Addresses that Exim treats as the local host when it routes mail (MX lists, delivery to itself) but does not listen on. Ports are ignored; 0.0.0.0 and ::0 stand for every address of the host.</source>
        <translation>Адреса, которые Exim при роутинге почты (списки MX, доставка самому себе) считает локальным хостом, но не прослушивает. Порты игнорируются; 0.0.0.0 и ::0 означают все адреса хоста.</translation>
    </message>
    <message>
        <source>The ports of every local_interfaces item that has no port of its own, as numbers or service names from /etc/services (smtp, submission). daemon_smtp_port is the same option.</source>
        <translation>Порты для каждого элемента local_interfaces, у которого нет собственного порта: номера или имена служб из /etc/services (smtp, submission). daemon_smtp_port — та же опция.</translation>
    </message>
    <message>
        <source>Connections to these ports start with TLS at once (SMTPS, usually port 465) instead of offering STARTTLS. This only marks ports: the daemon must also listen on them through daemon_smtp_ports or local_interfaces.</source>
        <translation>Соединения с этими портами сразу начинаются с TLS (SMTPS, обычно порт 465), а не с предложения STARTTLS. Опция лишь помечает порты: демон должен также слушать их через daemon_smtp_ports или local_interfaces.</translation>
    </message>
    <message>
        <source>No IPv6 activity takes place: IPv6 addresses in local_interfaces are silently ignored and AAAA records are not looked up.</source>
        <translation>Никакой работы с IPv6: адреса IPv6 в local_interfaces молча игнорируются, записи AAAA не запрашиваются.</translation>
    </message>
    <message>
        <source>How many incoming TCP connections the kernel queues for each listening socket before the daemon accepts them.</source>
        <translation>Сколько входящих TCP-соединений ядро ставит в очередь для каждого слушающего сокета, пока демон их не примет.</translation>
    </message>
    <message>
        <source>The fully qualified name of this host, used in the greeting and in Received: headers. Unset means the name the system reports.</source>
        <translation>Полное имя этого хоста для приветствия и заголовков Received:. Если не задано, используется имя, которое сообщает система.</translation>
    </message>
    <message>
        <source>The most SMTP connections the daemon handles at the same time; further clients are refused with a temporary error. 0 means no limit.</source>
        <translation>Наибольшее число SMTP-соединений, которые демон обслуживает одновременно; остальным клиентам отказывают с временной ошибкой. 0 — без ограничения.</translation>
    </message>
    <message>
        <source>The most simultaneous connections from one client IP address. Unset means no limit.</source>
        <translation>Наибольшее число одновременных соединений с одного IP-адреса клиента. Если не задано — без ограничения.</translation>
    </message>
    <message>
        <source>How long the daemon waits for each SMTP command or line of message data before it drops the connection (30s, 5m, 1h).</source>
        <translation>Сколько демон ждёт каждую SMTP-команду или строку данных сообщения, прежде чем разорвать соединение (30s, 5m, 1h).</translation>
    </message>
    <message>
        <source>Messages larger than this are refused (100K, 50M). 0 means no limit.</source>
        <translation>Сообщения больше этого размера отклоняются (100K, 50M). 0 — без ограничения.</translation>
    </message>
    <message>
        <source>The most recipients accepted for one message; further RCPT commands get a temporary error. 0 means no limit.</source>
        <translation>Наибольшее число получателей одного сообщения; на следующие команды RCPT приходит временная ошибка. 0 — без ограничения.</translation>
    </message>
    <message>
        <source>The directory where received messages are stored.</source>
        <translation>Каталог, в котором хранятся принятые сообщения.</translation>
    </message>
    <message>
        <source>Where the daemon writes its log; as in Exim, %s stands for main, reject or panic.</source>
        <translation>Куда демон пишет журнал; как и в Exim, %s означает main, reject или panic.</translation>
    </message>
    <message>
        <source>The file where the daemon writes its process ID.</source>
        <translation>Файл, в который демон записывает идентификатор своего процесса.</translation>
    </message>
    <message>
        <source>The PEM file with the server certificate (and its chain) that clients see on STARTTLS and SMTPS connections.</source>
        <translation>PEM-файл с сертификатом сервера (и его цепочкой), который клиенты видят в соединениях STARTTLS и SMTPS.</translation>
    </message>
    <message>
        <source>The PEM file with the certificate&apos;s private key. Unset means the key is in the certificate file.</source>
        <translation>PEM-файл с закрытым ключом сертификата. Если не задан, ключ находится в файле сертификата.</translation>
    </message>
    <message>
        <source>The client hosts to which STARTTLS is offered after EHLO: * means every host, an empty list none.</source>
        <translation>Клиентские хосты, которым после EHLO предлагается STARTTLS: * — всем хостам, пустой список — никому.</translation>
    </message>
    <message>
        <source>A file with an OCSP response for the certificate, stapled to the TLS handshake so that clients need not ask the certificate authority.</source>
        <translation>Файл с ответом OCSP для сертификата; он прикрепляется к рукопожатию TLS, чтобы клиентам не нужно было обращаться к центру сертификации.</translation>
    </message>
    <message>
        <source>Hosts, typically load balancers, that must start each connection with a PROXY protocol header (version 1 or 2); the daemon then sees the real client address. proxy_required_hosts is accepted as the same option.</source>
        <translation>Хосты, обычно балансировщики нагрузки, которые должны начинать каждое соединение с заголовка протокола PROXY (версии 1 или 2); тогда демон видит настоящий адрес клиента. proxy_required_hosts принимается как та же опция.</translation>
    </message>
    <message>
        <source>How long to wait for the PROXY header from a listed host before dropping the connection.</source>
        <translation>Сколько ждать заголовок PROXY от указанного хоста, прежде чем разорвать соединение.</translation>
    </message>
    <message>
        <source>Overrides daemon_smtp_ports and local_interfaces for one daemon, as Exim&apos;s -oX does: items without a dot or colon replace the ports, the others replace the interfaces. It is not saved in the file.</source>
        <translation>Переопределяет daemon_smtp_ports и local_interfaces для одного демона, как опция -oX в Exim: элементы без точек и двоеточий заменяют порты, остальные — интерфейсы. В файле не сохраняется.</translation>
    </message>
    <message>
        <source>Exim&apos;s -tls-on-connect: every port behaves as if it were listed in tls_on_connect_ports. It is not saved in the file.</source>
        <translation>Опция -tls-on-connect в Exim: каждый порт ведёт себя так, как будто он указан в tls_on_connect_ports. В файле не сохраняется.</translation>
    </message>
    <message>
        <source>unset</source>
        <translation>не задано</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2; default: %3)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2; по умолчанию: %3)</translation>
    </message>
    <message>
        <source>The text after the 220 code that the daemon sends when a client connects, expanded as Exim does: $smtp_active_hostname, $primary_hostname, $version_number, $tod_full and the client&apos;s and listener&apos;s addresses and ports are replaced, and a newline starts another line.</source>
        <translation>Текст после кода 220, который демон отправляет при подключении клиента; подстановка как в Exim: заменяются $smtp_active_hostname, $primary_hostname, $version_number, $tod_full, а также адреса и порты клиента и слушающего сокета; перевод строки начинает новую строку.</translation>
    </message>
</context>
<context>
    <name>Planner</name>
    <message>
        <source>the scope after &quot;%&quot; is empty</source>
        <translation>после «%» пустая область</translation>
    </message>
    <message>
        <source>only link-local addresses take a scope</source>
        <translation>область указывается только у локальных для канала адресов</translation>
    </message>
    <message>
        <source>this host has no interface &quot;%1&quot;</source>
        <translation>на этом хосте нет интерфейса «%1»</translation>
    </message>
    <message>
        <source>unable to parse &quot;%1&quot; as an IP address: %2 — Exim refuses to start.</source>
        <translation>не удаётся разобрать «%1» как IP-адрес: %2 — Exim откажется запускаться.</translation>
    </message>
    <message>
        <source>The link-local address %1 needs its interface, e.g. %1%%2: binding it without one fails with &quot;Invalid argument&quot;.</source>
        <translation>Локальному для канала адресу %1 нужен интерфейс, например %1%%2: привязка без него завершится ошибкой «Invalid argument».</translation>
    </message>
    <message>
        <source>No interface of this host has the address %1, so binding it fails with &quot;Cannot assign requested address&quot;.</source>
        <translation>Ни у одного интерфейса этого хоста нет адреса %1, поэтому привязка завершится ошибкой «Cannot assign requested address».</translation>
    </message>
    <message>
        <source>0.0.0.0 on port %1 is listed twice; Exim silently ignores the second.</source>
        <translation>0.0.0.0 на порту %1 указан дважды; Exim молча пропускает второй.</translation>
    </message>
    <message>
        <source>0.0.0.0 on port %1 clashes with %2 listed earlier; Exim silently drops 0.0.0.0 and logs &quot;IPv6 with IPv4&quot;, but nothing listens on the other IPv4 addresses.</source>
        <translation>0.0.0.0 на порту %1 конфликтует с указанным ранее %2; Exim молча отбрасывает 0.0.0.0 и пишет в журнал «IPv6 with IPv4», но остальные адреса IPv4 никто не слушает.</translation>
    </message>
    <message>
        <source>%1 is listed twice; the second bind fails with &quot;Address already in use&quot; and Exim refuses to start.</source>
        <translation>%1 указан дважды; вторая привязка завершится ошибкой «Address already in use», и Exim откажется запускаться.</translation>
    </message>
    <message>
        <source>Port %1 is below 1024: binding it needs root or CAP_NET_BIND_SERVICE, which this process does not have.</source>
        <translation>Порт %1 меньше 1024: для привязки нужны права root или CAP_NET_BIND_SERVICE, которых у этого процесса нет.</translation>
    </message>
    <message>
        <source>The -oX value is %1 characters long; Exim refuses more than %2 (&quot;length limit exceeded&quot;) and does not start.</source>
        <translation>Длина значения -oX — %1 символов; Exim не принимает больше %2 («length limit exceeded») и не запускается.</translation>
    </message>
    <message>
        <source>Exim 4.96 re-splits this -oX value after undoing the doubled &quot;%1&quot; and refuses it as a malformed address; write it as &quot;%2&quot; for Exim.</source>
        <translation>Exim 4.96 повторно разбивает это значение -oX, после того как убрал удвоение «%1», и отвергает его как неправильный адрес; для Exim запишите его как «%2».</translation>
    </message>
    <message>
        <source>invalid SMTP port: %1 — Exim refuses to start.</source>
        <translation>неверный SMTP-порт: %1 — Exim откажется запускаться.</translation>
    </message>
    <message>
        <source>TCP port &quot;%1&quot; not found in the services database — Exim refuses to start.</source>
        <translation>TCP-порт «%1» не найден в базе служб — Exim откажется запускаться.</translation>
    </message>
    <message>
        <source>Port %1 is outside 1 to 65535; Exim would silently bind port %2.</source>
        <translation>Порт %1 вне диапазона от 1 до 65535; Exim молча откроет порт %2.</translation>
    </message>
    <message>
        <source>Port 0 makes Exim bind a random port, a different one for each address.</source>
        <translation>С портом 0 Exim откроет случайный порт, для каждого адреса свой.</translation>
    </message>
    <message>
        <source>A 0 in the port list ends it for Exim; remove it.</source>
        <translation>Для Exim 0 в списке портов завершает список; уберите его.</translation>
    </message>
    <message>
        <source>Exim stops reading the port list at this 0 and silently ignores %1.</source>
        <translation>Exim прекращает читать список портов на этом 0 и молча пропускает %1.</translation>
    </message>
    <message>
        <source>Exim reads &quot;%1&quot; as port %2 and silently ignores the rest.</source>
        <translation>Exim читает «%1» как порт %2 и молча пропускает остальное.</translation>
    </message>
    <message>
        <source>-oX data</source>
        <translation>данных -oX</translation>
    </message>
    <message>
        <source>Malformed IP address &quot;%1&quot; in %2 — Exim refuses to start.</source>
        <translation>Неправильный IP-адрес «%1» в %2 — Exim откажется запускаться.</translation>
    </message>
    <message>
        <source>Exim recognises only &quot;::0&quot; as the IPv6 wildcard: &quot;%1&quot; binds one dual-stack socket that also takes IPv4 and clashes with 0.0.0.0 on the same port.</source>
        <translation>Exim распознаёт как «все интерфейсы IPv6» только «::0»: «%1» открывает один двухстековый сокет, который принимает и IPv4 и конфликтует с 0.0.0.0 на том же порту.</translation>
    </message>
    <message>
        <source>disable_ipv6 is set, so Exim silently drops &quot;%1&quot;.</source>
        <translation>Задана опция disable_ipv6, поэтому Exim молча отбрасывает «%1».</translation>
    </message>
    <message>
        <source>all IPv6</source>
        <translation>все IPv6</translation>
    </message>
    <message>
        <source>all IPv4</source>
        <translation>все IPv4</translation>
    </message>
    <message>
        <source>no port specified for interface &quot;%1&quot; and daemon_smtp_port is unset — Exim refuses to start.</source>
        <translation>для интерфейса «%1» не указан порт, и daemon_smtp_port не задан — Exim откажется запускаться.</translation>
    </message>
    <message>
        <source>This configuration listens nowhere: Exim would start a daemon with no listening socket.</source>
        <translation>Эта конфигурация нигде не слушает: Exim запустит демон без единого слушающего сокета.</translation>
    </message>
    <message>
        <source>Nothing listens on port %1: tls_on_connect_ports only marks ports that daemon_smtp_ports or local_interfaces already listen on, so Exim silently ignores it.</source>
        <translation>Порт %1 никто не слушает: tls_on_connect_ports лишь помечает порты, которые уже слушаются через daemon_smtp_ports или local_interfaces, поэтому Exim молча его пропускает.</translation>
    </message>
    <message>
        <source>These specific addresses leave out loopback: Exim will not accept mail from programs on this host through 127.0.0.1 or ::1.</source>
        <translation>В этих отдельных адресах нет loopback-интерфейса: Exim не примет почту от программ этого хоста через 127.0.0.1 или ::1.</translation>
    </message>
    <message>
        <source>Malformed IP address &quot;%1&quot; in extra_local_interfaces: Exim starts, but fails whenever it checks for the local host.</source>
        <translation>Неправильный IP-адрес «%1» в extra_local_interfaces: Exim запустится, но будет давать сбой при каждой проверке локального хоста.</translation>
    </message>
    <message>
        <source>Family=%1 is not supported: Mailport listens on inet and inet6 only.</source>
        <translation>Family=%1 не поддерживается: Mailport слушает только inet и inet6.</translation>
    </message>
    <message>
        <source>TCP port &quot;%1&quot; not found in the services database.</source>
        <translation>TCP-порт «%1» не найден в базе служб.</translation>
    </message>
    <message>
        <source>Addr=%1 does not resolve to an %2 address.</source>
        <translation>Addr=%1 не разрешается в адрес %2.</translation>
    </message>
    <message>
        <source>Addr=%1 is not an %2 address.</source>
        <translation>Addr=%1 — не адрес %2.</translation>
    </message>
    <message>
        <source>No DaemonPortOptions declaration gives a socket: this configuration listens nowhere.</source>
        <translation>Ни одно объявление DaemonPortOptions не даёт сокета: эта конфигурация нигде не слушает.</translation>
    </message>
    <message>
        <source>the IPv6 wildcard</source>
        <translation>подстановочный адрес IPv6</translation>
    </message>
    <message>
        <source>the IPv4 wildcard</source>
        <translation>подстановочный адрес IPv4</translation>
    </message>
    <message>
        <source>%1 overlaps %2 listed earlier on the same port (a dual-stack IPv6 socket takes IPv4 too); binding %3 fails with &quot;Address already in use&quot; and Exim refuses to start.</source>
        <translation>%1 пересекается с %2, указанным ранее на том же порту (двухстековый сокет IPv6 принимает и IPv4); привязка %3 завершится ошибкой «Address already in use», и Exim откажется запускаться.</translation>
    </message>
    <message>
        <source>%1 overlaps %2 listed earlier on the same port; binding %3 fails with &quot;Address already in use&quot; and Exim refuses to start.</source>
        <translation>%1 пересекается с %2, указанным ранее на том же порту; привязка %3 завершится ошибкой «Address already in use», и Exim откажется запускаться.</translation>
    </message>
    <message>
        <source>Exim reads &quot;%1&quot; as a hexadecimal number, port %2; write %2.</source>
        <translation>Exim читает «%1» как шестнадцатеричное число, то есть порт %2; напишите %2.</translation>
    </message>
    <message>
        <source>Exim reads &quot;%1&quot; as an octal number, port %2; write %2.</source>
        <translation>Exim читает «%1» как восьмеричное число, то есть порт %2; напишите %2.</translation>
    </message>
    <message>
        <source>Exim recognises only &quot;0.0.0.0&quot; as the IPv4 wildcard; &quot;%1&quot; is bound as an ordinary address.</source>
        <translation>Exim распознаёт как подстановочный адрес IPv4 только «0.0.0.0»; «%1» привязывается как обычный адрес.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Edit and check Exim&apos;s listening options and run a test SMTP daemon.</source>
        <translation>Правка и проверка опций прослушивания Exim и запуск тестового SMTP-демона.</translation>
    </message>
    <message>
        <source>A configuration to open.</source>
        <translation>Открываемая конфигурация.</translation>
    </message>
</context>
</TS>
