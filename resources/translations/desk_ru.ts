<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>AgendaScreen</name>
    <message>
        <source>Agenda</source>
        <translation>Расписание</translation>
    </message>
    <message>
        <source>The day before</source>
        <translation>Предыдущий день</translation>
    </message>
    <message>
        <source>The day after</source>
        <translation>Следующий день</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>Заметка…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Перенести…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Запланировано</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <source> → {day}</source>
        <translation> → {day}</translation>
    </message>
    <message>
        <source> (from {day})</source>
        <translation> (с {day})</translation>
    </message>
    <message>
        <source>{when} {who}</source>
        <translation>{when} {who}</translation>
    </message>
    <message>
        <source>Nothing is due on this day.</source>
        <translation>На этот день ничего не запланировано.</translation>
    </message>
    <message>
        <source>{n} due · {done} done</source>
        <translation>запланировано: {n} · выполнено: {done}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>пропущено</translation>
    </message>
    <message>
        <source>{service} of {client} marked {state}</source>
        <translation>{service} ({client}): отмечено «{state}»</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Note for {service} of {client}</source>
        <translation>Заметка: {service} ({client})</translation>
    </message>
    <message>
        <source>Note saved</source>
        <translation>Заметка сохранена</translation>
    </message>
    <message>
        <source>{service} of {client} moved to {day}</source>
        <translation>{service} ({client}) перенесено на {day}</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Backing up the data</source>
        <translation>Резервное копирование данных</translation>
    </message>
    <message>
        <source>Backup saved: {name}</source>
        <translation>Резервная копия сохранена: {name}</translation>
    </message>
    <message>
        <source>The backup failed</source>
        <translation>Резервная копия не создана</translation>
    </message>
    <message>
        <source>Your work is saved as usual. Free some space or check the backups folder, then use File › Back up now.</source>
        <translation>Ваша работа сохраняется как обычно. Освободите место на диске или проверьте папку копий, затем выберите Файл › Создать копию сейчас.</translation>
    </message>
    <message>
        <source>Checking the database</source>
        <translation>Проверка базы данных</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>База данных повреждена</translation>
    </message>
    <message>
        <source>Ask the owner to restore the newest sound backup.</source>
        <translation>Попросите владельца восстановить последнюю исправную копию.</translation>
    </message>
    <message>
        <source>Work saved from now on may be lost with the damaged pages. Restore the newest sound backup.</source>
        <translation>Всё, что сохраняется с этого момента, может пропасть вместе с повреждёнными страницами. Восстановите последнюю исправную копию.</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Восстановить из копии…</translation>
    </message>
    <message>
        <source>Restoring the backup</source>
        <translation>Восстановление из копии</translation>
    </message>
    <message>
        <source>Backup restored: {name}</source>
        <translation>Восстановлено из копии: {name}</translation>
    </message>
</context>
<context>
    <name>BackupsNote</name>
    <message>
        <source>A checked copy of the database is made on start and daily into {folder} (File › Back up now makes one at once).</source>
        <translation>Проверенная копия базы создаётся при запуске и ежедневно в папке {folder} (Файл › Создать копию сейчас — немедленно).</translation>
    </message>
    <message>
        <source>The database is on a server: this PC saves a copy of it with pg_dump on start and daily into {folder} (File › Back up now makes one at once).</source>
        <translation>База данных на сервере: этот компьютер сохраняет её копию через pg_dump при запуске и ежедневно в папке {folder} (Файл › Создать копию сейчас — немедленно).</translation>
    </message>
    <message>
        <source>The database is on a server and pg_dump is not installed on this PC, so this PC makes no copies: the server&apos;s own backups apply. Ask whoever looks after the server how and when it is backed up.</source>
        <translation>База данных на сервере, а pg_dump на этом компьютере не установлен, поэтому копии здесь не создаются: действуют резервные копии самого сервера. Узнайте у того, кто обслуживает сервер, как и когда они делаются.</translation>
    </message>
</context>
<context>
    <name>CardEdit</name>
    <message>
        <source>Change date…</source>
        <translation>Изменить дату…</translation>
    </message>
</context>
<context>
    <name>CardFields</name>
    <message>
        <source>Description (what was agreed, a note)</source>
        <translation>Описание (о чём договорились, примечание)</translation>
    </message>
    <message>
        <source>Cancelled: only the description can change.</source>
        <translation>Отменён: можно изменить только описание.</translation>
    </message>
    <message>
        <source>Billed on invoice {number}: to bill another price, void the invoice and sell again.</source>
        <translation>Выставлен в счёте {number}: чтобы изменить цену, аннулируйте счёт и оформите продажу заново.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>until</source>
        <translation>по</translation>
    </message>
    <message>
        <source>price</source>
        <translation>цена</translation>
    </message>
</context>
<context>
    <name>CardsPanel</name>
    <message>
        <source>Memberships and credits</source>
        <translation>Абонементы и баллы</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>No sales yet.</source>
        <translation>Продаж пока нет.</translation>
    </message>
    <message>
        <source>Unpaid visits</source>
        <translation>Не оплачено</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Нет.</translation>
    </message>
    <message>
        <source>added by {who} on {when}</source>
        <translation>добавил(а) {who} {when}</translation>
    </message>
    <message>
        <source>invoice {number}, {state}</source>
        <translation>счёт {number}, {state}</translation>
    </message>
    <message>
        <source>total {total}</source>
        <translation>итого {total}</translation>
    </message>
    <message>
        <source>{used}/{size} lessons · {each} a lesson · </source>
        <translation>занятий {used}/{size} · {each} за занятие · </translation>
    </message>
    <message>
        <source>the unpaid visits</source>
        <translation>неоплаченные посещения</translation>
    </message>
    <message>
        <source>this card</source>
        <translation>эту карточку</translation>
    </message>
    <message>
        <source>Move the lesson</source>
        <translation>Перенос занятия</translation>
    </message>
    <message>
        <source>Move this visit to {where}?</source>
        <translation>Перенести это посещение в {where}?</translation>
    </message>
    <message>
        <source>Lesson moved</source>
        <translation>Занятие перенесено</translation>
    </message>
    <message>
        <source>move a lesson</source>
        <translation>перенос занятия</translation>
    </message>
    <message>
        <source>Cards saved</source>
        <translation>Карточки сохранены</translation>
    </message>
    <message>
        <source>Date of the visit</source>
        <translation>Дата посещения</translation>
    </message>
</context>
<context>
    <name>CashDrawersPage</name>
    <message>
        <source>Make default</source>
        <translation>Сделать основной</translation>
    </message>
    <message>
        <source>default</source>
        <translation>основная</translation>
    </message>
    <message>
        <source>{name} is now the default cash drawer</source>
        <translation>{name} — теперь основная касса</translation>
    </message>
</context>
<context>
    <name>CheckInAgainDialog</name>
    <message>
        <source>Checked in already</source>
        <translation>Уже отмечен(а)</translation>
    </message>
    <message>
        <source>{name} was checked in {minutes} min ago. Record another visit?</source>
        <translation>{name}: приход отмечен {minutes} мин назад. Записать ещё одно посещение?</translation>
    </message>
</context>
<context>
    <name>CheckInBar</name>
    <message>
        <source>scan or type a card code</source>
        <translation>отсканируйте или введите код карты</translation>
    </message>
    <message>
        <source>Check in:</source>
        <translation>Вход:</translation>
    </message>
    <message>
        <source>Enter checks the card in; Ctrl+U records credit use (then the type&apos;s number).</source>
        <translation>Enter — отметить приход; Ctrl+U — списать баллы (затем номер вида).</translation>
    </message>
    <message>
        <source>{name} checked in</source>
        <translation>{name}: приход отмечен</translation>
    </message>
    <message>
        <source>{name} not checked in</source>
        <translation>{name}: приход не отмечен</translation>
    </message>
    <message>
        <source>Renew…</source>
        <translation>Продлить…</translation>
    </message>
    <message>
        <source>Sell…</source>
        <translation>Продать…</translation>
    </message>
    <message>
        <source>Not checked in again.</source>
        <translation>Повторный приход не отмечен.</translation>
    </message>
    <message>
        <source>Type or scan a client&apos;s card code first, then Ctrl+U.</source>
        <translation>Сначала введите или отсканируйте код карты клиента, затем Ctrl+U.</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>New client</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation>Изменение клиента</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>не указано</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>made automatically</source>
        <translation>создаётся автоматически</translation>
    </message>
    <message>
        <source>Archived (hidden from the list)</source>
        <translation>В архиве (скрыт из списка)</translation>
    </message>
    <message>
        <source>Choose a picture…</source>
        <translation>Выбрать изображение…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Законный представитель</translation>
    </message>
    <message>
        <source>Guardian&apos;s phone</source>
        <translation>Телефон представителя</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Card code</source>
        <translation>Код карты</translation>
    </message>
    <message>
        <source>Replace the photo…</source>
        <translation>Заменить фото…</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Выбор фото</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Изображения (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Possibly the same person:&lt;/b&gt;{list}&lt;br&gt;Press Save again to save anyway.</source>
        <translation>&lt;b&gt;Возможно, это тот же человек:&lt;/b&gt;{list}&lt;br&gt;Нажмите «Сохранить» ещё раз, чтобы всё равно сохранить.</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <source>Name, phone or card code</source>
        <translation>Имя, телефон или код карты</translation>
    </message>
    <message>
        <source>Find the client:</source>
        <translation>Найти клиента:</translation>
    </message>
</context>
<context>
    <name>ClientProfile</name>
    <message>
        <source>← All clients</source>
        <translation>← Все клиенты</translation>
    </message>
    <message>
        <source>Sell…</source>
        <translation>Продать…</translation>
    </message>
    <message>
        <source>Member card…</source>
        <translation>Карта клиента…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Законный представитель</translation>
    </message>
    <message>
        <source>Guardian&apos;s phone</source>
        <translation>Телефон представителя</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <source>Photo…</source>
        <translation>Фото…</translation>
    </message>
    <message>
        <source>Undo move</source>
        <translation>Отменить перенос</translation>
    </message>
    <message>
        <source>Edit cards</source>
        <translation>Изменить карточки</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Membership cards</source>
        <translation>Абонементы</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Продажи</translation>
    </message>
    <message>
        <source>Invoices and balance</source>
        <translation>Счета и задолженность</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Баллы</translation>
    </message>
    <message>
        <source>Credits ⚠</source>
        <translation>Баллы ⚠</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Discard the changes to the cards that are not saved?</source>
        <translation>Отменить несохранённые изменения карточек?</translation>
    </message>
    <message>
        <source>Change dates, price or description under each card; click a visit to change its status or date. Save applies everything at once; Cancel returns to the last saved state.</source>
        <translation>Даты, цену и описание меняйте под каждой карточкой; щёлкните по посещению, чтобы изменить его статус или дату. «Сохранить» применяет всё сразу; «Отмена» возвращает последнее сохранённое состояние.</translation>
    </message>
    <message>
        <source>Drag a visit to another card or to the unpaid visits to move it.</source>
        <translation>Перетащите посещение на другую карточку или в неоплаченные, чтобы перенести его.</translation>
    </message>
    <message>
        <source>  · archived</source>
        <translation>  · в архиве</translation>
    </message>
    <message>
        <source>No membership</source>
        <translation>Нет абонемента</translation>
    </message>
    <message>
        <source>{package} · {status} until {end}</source>
        <translation>{package} · {status} до {end}</translation>
    </message>
    <message>
        <source>Balance due: {amount}</source>
        <translation>К оплате: {amount}</translation>
    </message>
    <message>
        <source>   ·   whole family: {amount}</source>
        <translation>   ·   вся семья: {amount}</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Нет фото</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Выбор фото</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Изображения (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>ClientsScreen</name>
    <message>
        <source>Clients</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Name, phone or card code</source>
        <translation>Имя, телефон или код карты</translation>
    </message>
    <message>
        <source>Type part of a name, phone or card code; a scanned card opens the client.</source>
        <translation>Введите часть имени, телефона или кода карты; отсканированная карта открывает клиента.</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Все категории</translation>
    </message>
    <message>
        <source>Any membership</source>
        <translation>Любой абонемент</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>В архиве</translation>
    </message>
    <message>
        <source>Sell…</source>
        <translation>Продать…</translation>
    </message>
    <message>
        <source>Sell a package to the selected client</source>
        <translation>Продать пакет выбранному клиенту</translation>
    </message>
    <message>
        <source>New client…</source>
        <translation>Новый клиент…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Member cards…</source>
        <translation>Карты клиентов…</translation>
    </message>
    <message>
        <source>Member cards with QR codes for the clients listed, ten to an A4 page</source>
        <translation>Карты клиентов с QR-кодами для клиентов из списка, по десять на листе A4</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <source>No clients yet: add one with New client…, or import a spreadsheet.</source>
        <translation>Клиентов пока нет: добавьте через «Новый клиент…» или импортируйте таблицу.</translation>
    </message>
    <message>
        <source>1 client</source>
        <translation>1 клиент</translation>
    </message>
    <message>
        <source>{n} clients</source>
        <translation>клиентов: {n}</translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <source>Choose a colour</source>
        <translation>Выбор цвета</translation>
    </message>
</context>
<context>
    <name>CreditsPanel</name>
    <message>
        <source>Credit type</source>
        <translation>Вид баллов</translation>
    </message>
    <message>
        <source>Use credits…</source>
        <translation>Списать баллы…</translation>
    </message>
    <message>
        <source>Undo use</source>
        <translation>Отменить списание</translation>
    </message>
    <message>
        <source>Top up…</source>
        <translation>Пополнить…</translation>
    </message>
    <message>
        <source>Print statement…</source>
        <translation>Печать выписки…</translation>
    </message>
    <message>
        <source>No credits yet. Top up… sells a credits package.</source>
        <translation>Баллов пока нет. «Пополнить…» продаёт пакет баллов.</translation>
    </message>
    <message>
        <source>Granted: {package}, until {end}</source>
        <translation>Начислено: {package}, до {end}</translation>
    </message>
    <message>
        <source>Expired: what was left of {package} (until {end})</source>
        <translation>Сгорело: остаток {package} (до {end})</translation>
    </message>
    <message>
        <source>Reversal of the use of {day}</source>
        <translation>Отмена списания от {day}</translation>
    </message>
    <message>
        <source>Used at check-in</source>
        <translation>Списываются при входе</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Списано</translation>
    </message>
    <message>
        <source>  (reversed)</source>
        <translation>  (отменено)</translation>
    </message>
    <message>
        <source>{name}: {available} valid today · used {used} · expired {expired} · granted {granted}</source>
        <translation>{name}: действует сегодня {available} · списано {used} · сгорело {expired} · начислено {granted}</translation>
    </message>
    <message>
        <source> · expires: {when}</source>
        <translation> · сгорает: {when}</translation>
    </message>
    <message>
        <source>{units} on {day}</source>
        <translation>{units} — {day}</translation>
    </message>
    <message>
        <source>⚠ {name}: low balance, {left} left</source>
        <translation>⚠ {name}: мало на балансе, осталось {left}</translation>
    </message>
    <message>
        <source>⚠ {name}: {units} expire within {days} days (first on {first})</source>
        <translation>⚠ {name}: {units} сгорят в течение {days} дн. (первые — {first})</translation>
    </message>
    <message>
        <source>Reverse the use of {units} of {type} on {date}? Its units go back to the client.</source>
        <translation>Отменить списание {units} ({type}) от {date}? Баллы вернутся клиенту.</translation>
    </message>
    <message>
        <source>Use of {units} of {type} reversed</source>
        <translation>Списание {units} ({type}) отменено</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>Пополнение</translation>
    </message>
    <message>
        <source>No credits package is on sale: add one under Packages first.</source>
        <translation>В продаже нет пакетов баллов: сначала добавьте пакет в разделе «Пакеты».</translation>
    </message>
    <message>
        <source>Save the credit statement</source>
        <translation>Сохранить выписку по баллам</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <source>Statement saved to {path}</source>
        <translation>Выписка сохранена: {path}</translation>
    </message>
</context>
<context>
    <name>CreditsScreen</name>
    <message>
        <source>Credits</source>
        <translation>Баллы</translation>
    </message>
    <message>
        <source>Name, phone or card code</source>
        <translation>Имя, телефон или код карты</translation>
    </message>
    <message>
        <source>Type part of a name, phone or code; Enter on one client opens Use credits…</source>
        <translation>Введите часть имени, телефона или кода; Enter на клиенте открывает «Списать баллы…»</translation>
    </message>
    <message>
        <source>Use credits…</source>
        <translation>Списать баллы…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Nobody holds credits valid today. Top up from a client&apos;s profile.</source>
        <translation>Ни у кого нет действующих баллов. Пополните их в карточке клиента.</translation>
    </message>
    <message>
        <source>1 client with credits</source>
        <translation>1 клиент с баллами</translation>
    </message>
    <message>
        <source>{n} clients with credits</source>
        <translation>клиентов с баллами: {n}</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>The dashboard&apos;s figures are not available in this version.</source>
        <translation>Показатели сводки в этой версии недоступны.</translation>
    </message>
    <message>
        <source>Making the dashboard</source>
        <translation>Подготовка сводки</translation>
    </message>
</context>
<context>
    <name>DeskSession</name>
    <message>
        <source>The database cannot be opened</source>
        <translation>Не удаётся открыть базу данных</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>Вход выполнен: {name}</translation>
    </message>
</context>
<context>
    <name>DraftLines</name>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <source>discount</source>
        <translation>скидка</translation>
    </message>
</context>
<context>
    <name>DropArea</name>
    <message>
        <source>Not moved</source>
        <translation>Не перенесено</translation>
    </message>
    <message>
        <source>Only a visit chip can be dropped here.</source>
        <translation>Сюда можно перетащить только посещение.</translation>
    </message>
</context>
<context>
    <name>EditableRows</name>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
</context>
<context>
    <name>FamilyCard</name>
    <message>
        <source>Add member…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Make payer</source>
        <translation>Плательщик</translation>
    </message>
    <message>
        <source>Leave family</source>
        <translation>Выйти из семьи</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>Not in a family. Add a parent, child or sibling to group them under one payer.</source>
        <translation>Не в семье. Добавьте родных, чтобы за всех платил один человек.</translation>
    </message>
    <message>
        <source>Family {name}</source>
        <translation>Семья {name}</translation>
    </message>
    <message>
        <source>  · payer</source>
        <translation>  · плательщик</translation>
    </message>
    <message>
        <source>Add to the family</source>
        <translation>Добавить в семью</translation>
    </message>
</context>
<context>
    <name>FigureTile</name>
    <message>
        <source>(to date)</source>
        <translation>(на сегодня)</translation>
    </message>
    <message>
        <source>{value} of {whole}</source>
        <translation>{value} из {whole}</translation>
    </message>
    <message>
        <source>{change} against the same days of last month ({before})</source>
        <translation>{change} к тем же дням прошлого месяца ({before})</translation>
    </message>
    <message>
        <source>{change} against last month ({before})</source>
        <translation>{change} к прошлому месяцу ({before})</translation>
    </message>
    <message>
        <source>Open the report</source>
        <translation>Открыть отчёт</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>This month</source>
        <translation>Этот месяц</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Прошлый месяц</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Этот год</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>С – по</translation>
    </message>
    <message>
        <source>Client: name or code</source>
        <translation>Клиент: имя или код</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Ещё не начался</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Действует</translation>
    </message>
    <message>
        <source>Grace</source>
        <translation>Льготный период</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Заморожен</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Истёк</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation>Абонементы</translation>
    </message>
    <message>
        <source>Lesson packs</source>
        <translation>Пакеты занятий</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Баллы</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>В течение</translation>
    </message>
    <message>
        <source>All packages</source>
        <translation>Все пакеты</translation>
    </message>
    <message>
        <source>All credit types</source>
        <translation>Все виды баллов</translation>
    </message>
    <message>
        <source>All programs and groups</source>
        <translation>Все программы и группы</translation>
    </message>
    <message>
        <source>No client matches “{typed}”.</source>
        <translation>Нет клиента, подходящего под «{typed}».</translation>
    </message>
    <message>
        <source>Several clients match “{typed}”: type more of the name, or the code.</source>
        <translation>Под «{typed}» подходят несколько клиентов: введите имя полнее или код.</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to the membership desk</source>
        <translation>Добро пожаловать на стойку администратора</translation>
    </message>
    <message>
        <source>Let&apos;s set up your centre. You can change all of this later in Settings, except that this first account is the owner&apos;s.</source>
        <translation>Настроим ваш центр. Всё это можно позже изменить в настройках, но первая учётная запись всегда принадлежит владельцу.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>Название организации</translation>
    </message>
    <message>
        <source>e.g. Sunny Kids Centre</source>
        <translation>например, Детский центр «Солнышко»</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>used to sign in</source>
        <translation>для входа в программу</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>не менее 8 символов</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Повтор пароля</translation>
    </message>
    <message>
        <source>Create and start</source>
        <translation>Создать и начать</translation>
    </message>
</context>
<context>
    <name>FreezeDialog</name>
    <message>
        <source>Freeze {package} of {client}</source>
        <translation>Заморозка: {package} ({client})</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>Until (included)</source>
        <translation>По (включительно)</translation>
    </message>
    <message>
        <source>The membership&apos;s end date moves by the frozen days.</source>
        <translation>Дата окончания абонемента сдвигается на дни заморозки.</translation>
    </message>
    <message>
        <source>{package} of {client} frozen from {start} to {end}</source>
        <translation>{package} ({client}) заморожен с {start} по {end}</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— нет —</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>без ограничений</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Педагог</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Зал</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Мест</translation>
    </message>
    <message>
        <source>Lesson times</source>
        <translation>Время занятий</translation>
    </message>
    <message>
        <source>waiting list</source>
        <translation>лист ожидания</translation>
    </message>
    <message>
        <source>Clients in this group</source>
        <translation>Клиенты группы</translation>
    </message>
    <message>
        <source>Client code or name</source>
        <translation>Код или имя клиента</translation>
    </message>
    <message>
        <source>Add to group</source>
        <translation>Добавить в группу</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Убрать выбранных</translation>
    </message>
    <message>
        <source>Type a card code, or enough of a name to find one client.</source>
        <translation>Введите код карты или столько букв имени, чтобы нашёлся один клиент.</translation>
    </message>
</context>
<context>
    <name>GroupsCard</name>
    <message>
        <source>Groups</source>
        <translation>Группы</translation>
    </message>
    <message>
        <source>Enrol in a group…</source>
        <translation>Записать в группу…</translation>
    </message>
    <message>
        <source>Not in any group.</source>
        <translation>Не записан(а) ни в одну группу.</translation>
    </message>
    <message>
        <source>  (waiting list)</source>
        <translation>  (лист ожидания)</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Выписать</translation>
    </message>
    <message>
        <source>No groups</source>
        <translation>Нет групп</translation>
    </message>
    <message>
        <source>The owner has not set up any groups yet.</source>
        <translation>Владелец ещё не создал ни одной группы.</translation>
    </message>
    <message>
        <source>Enrol in a group</source>
        <translation>Запись в группу</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Группа:</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>Лист ожидания</translation>
    </message>
    <message>
        <source>The group is full: the client is on its waiting list.</source>
        <translation>Группа заполнена: клиент в листе ожидания.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>The desk itself</source>
        <translation>Сама программа</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import clients</source>
        <translation>Импорт клиентов</translation>
    </message>
    <message>
        <source>A CSV or XLSX file saved from a spreadsheet</source>
        <translation>Файл CSV или XLSX, сохранённый из таблицы</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation>Таблицы (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Reading {name}</source>
        <translation>Чтение {name}</translation>
    </message>
    <message>
        <source>{new} new, {dup} duplicates (skipped), {err} with errors (skipped)</source>
        <translation>новых: {new}, дублей: {dup} (пропущены), с ошибками: {err} (пропущены)</translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation>— нет в файле —</translation>
    </message>
    <message>
        <source>column {n}</source>
        <translation>столбец {n}</translation>
    </message>
</context>
<context>
    <name>InvoiceDialog</name>
    <message>
        <source>Items</source>
        <translation>Позиции</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Скидки</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Налог</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>К оплате</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Оплаты</translation>
    </message>
    <message>
        <source>void: </source>
        <translation>аннулировано: </translation>
    </message>
    <message>
        <source>Add payment…</source>
        <translation>Принять оплату…</translation>
    </message>
    <message>
        <source>Void payment…</source>
        <translation>Аннулировать оплату…</translation>
    </message>
    <message>
        <source>Void invoice…</source>
        <translation>Аннулировать счёт…</translation>
    </message>
    <message>
        <source>Save and issue</source>
        <translation>Сохранить и выставить</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Сохранить черновик</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>История…</translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation>Счёт {number}</translation>
    </message>
    <message>
        <source>Invoice {number} of {date}</source>
        <translation>Счёт {number} от {date}</translation>
    </message>
    <message>
        <source>{client}, paid by {payer}</source>
        <translation>{client}, плательщик: {payer}</translation>
    </message>
    <message>
        <source>State: {state}</source>
        <translation>Состояние: {state}</translation>
    </message>
    <message>
        <source>Paid back on {day}: {amount} by {method}{drawer} · credit note {number}</source>
        <translation>Возврат {day}: {amount}, {method}{drawer} · кредит-нота {number}</translation>
    </message>
    <message>
        <source>Invoice {number} issued</source>
        <translation>Счёт {number} выставлен</translation>
    </message>
    <message>
        <source>History of invoice {number}</source>
        <translation>История счёта {number}</translation>
    </message>
    <message>
        <source>Reason (kept with the record):</source>
        <translation>Причина (сохраняется в записи):</translation>
    </message>
    <message>
        <source>Void the payment of {amount}</source>
        <translation>Аннулировать оплату {amount}</translation>
    </message>
    <message>
        <source>Payment voided</source>
        <translation>Оплата аннулирована</translation>
    </message>
    <message>
        <source>Void invoice {number}</source>
        <translation>Аннулировать счёт {number}</translation>
    </message>
    <message>
        <source>Invoice voided</source>
        <translation>Счёт аннулирован</translation>
    </message>
</context>
<context>
    <name>InvoiceDocuments</name>
    <message>
        <source>Print / PDF</source>
        <translation>Печать / PDF</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Preview A4</source>
        <translation>Просмотр A4</translation>
    </message>
    <message>
        <source>Preview receipt (80 mm)</source>
        <translation>Просмотр чека (80 мм)</translation>
    </message>
    <message>
        <source>Save A4 PDF…</source>
        <translation>Сохранить PDF A4…</translation>
    </message>
    <message>
        <source>Save receipt PDF…</source>
        <translation>Сохранить чек PDF…</translation>
    </message>
    <message>
        <source>Email to the client…</source>
        <translation>Отправить клиенту…</translation>
    </message>
    <message>
        <source>Save invoice</source>
        <translation>Сохранить счёт</translation>
    </message>
    <message>
        <source>Invoice {number} saved to {file}</source>
        <translation>Счёт {number} сохранён: {file}</translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation>Счёт {number}</translation>
    </message>
    <message>
        <source>Printing invoice {number}</source>
        <translation>Печать счёта {number}</translation>
    </message>
    <message>
        <source>Invoice {number} sent to the printer</source>
        <translation>Счёт {number} отправлен на принтер</translation>
    </message>
    <message>
        <source>Email invoice {number}</source>
        <translation>Отправка счёта {number}</translation>
    </message>
    <message>
        <source>Send to:</source>
        <translation>Кому:</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Change {what}</source>
        <translation>Изменить: {what}</translation>
    </message>
    <message>
        <source>New {what}</source>
        <translation>Новая запись: {what}</translation>
    </message>
    <message>
        <source>{name} saved</source>
        <translation>{name}: сохранено</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <source> · unpaid: no lesson pack with a free lesson</source>
        <translation> · не оплачено: нет пакета со свободным занятием</translation>
    </message>
</context>
<context>
    <name>JournalScreen</name>
    <message>
        <source>Journal</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <source>Add a date…</source>
        <translation>Добавить дату…</translation>
    </message>
    <message>
        <source>Makeups</source>
        <translation>Отработки</translation>
    </message>
    <message>
        <source>A visitor from another group…</source>
        <translation>Гость из другой группы…</translation>
    </message>
    <message>
        <source>Open and expired makeups…</source>
        <translation>Открытые и просроченные отработки…</translation>
    </message>
    <message>
        <source>Click a date to mark everyone not yet marked present</source>
        <translation>Щёлкните по дате, чтобы отметить присутствие всех неотмеченных</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>   ·   red corner: unpaid</source>
        <translation>   ·   красный уголок: не оплачено</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>очищено</translation>
    </message>
    <message>
        <source>A date still to come</source>
        <translation>Дата ещё не наступила</translation>
    </message>
    <message>
        <source>{day} has not come yet. Mark everyone not yet marked {status} on it?</source>
        <translation>{day} ещё не наступило. Отметить всех неотмеченных как «{status}»?</translation>
    </message>
    <message>
        <source>{n} marked {status} on {day}</source>
        <translation>{day}: отмечено «{status}» — {n}</translation>
    </message>
    <message>
        <source>everyone {status} on {day}</source>
        <translation>все «{status}» {day}</translation>
    </message>
    <message>
        <source>Makeup visitor</source>
        <translation>Гость на отработку</translation>
    </message>
    <message>
        <source>This month has no lesson dates.</source>
        <translation>В этом месяце нет дат занятий.</translation>
    </message>
    <message>
        <source>Add a lesson date</source>
        <translation>Добавить дату занятия</translation>
    </message>
    <message>
        <source>Date (dd.mm.yyyy):</source>
        <translation>Дата (дд.мм.гггг):</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Не выполнено</translation>
    </message>
    <message>
        <source>Type the date like 24.12.2026.</source>
        <translation>Введите дату в виде 24.12.2026.</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Your language</source>
        <translation>Ваш язык</translation>
    </message>
    <message>
        <source>The business&apos;s ({language})</source>
        <translation>Как у организации ({language})</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>The window speaks it after a restart.</source>
        <translation>Программа перейдёт на него после перезапуска.</translation>
    </message>
    <message>
        <source>Language saved: it takes effect after a restart</source>
        <translation>Язык сохранён: он вступит в силу после перезапуска</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>The {language} translation ({file}) is missing or damaged: the desk speaks English until it is installed again.</source>
        <translation>Перевод «{language}» ({file}) отсутствует или повреждён: программа работает на английском, пока он не будет установлен заново.</translation>
    </message>
</context>
<context>
    <name>ListExports</name>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>В архиве</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation>Абонементы</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Баллы</translation>
    </message>
    <message>
        <source>Agenda {day}</source>
        <translation>Расписание на {day}</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>inactive</source>
        <translation>не продаётся</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Deactivate / activate</source>
        <translation>Отключить / включить</translation>
    </message>
    <message>
        <source>{name} activated</source>
        <translation>{name}: включено</translation>
    </message>
    <message>
        <source>{name} deactivated</source>
        <translation>{name}: отключено</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in — {name}</source>
        <translation>Вход — {name}</translation>
    </message>
    <message>
        <source>Membership desk</source>
        <translation>Стойка администратора</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
</context>
<context>
    <name>LogoField</name>
    <message>
        <source>No logo: invoices print the business name only</source>
        <translation>Без логотипа: в счетах печатается только название</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>Выбор логотипа</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Изображения (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Logo saved</source>
        <translation>Логотип сохранён</translation>
    </message>
    <message>
        <source>Logo removed</source>
        <translation>Логотип удалён</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Membership desk</source>
        <translation>Стойка администратора</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>&amp;Сменить пользователя…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Выйти</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Сменить &amp;пароль…</translation>
    </message>
    <message>
        <source>&amp;Language…</source>
        <translation>&amp;Язык…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Создать &amp;копию сейчас</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>В&amp;осстановить из копии…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Закрыть программу</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <source>Find a client</source>
        <translation>Найти клиента</translation>
    </message>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation>Вход выполнен: {name} ({role})</translation>
    </message>
    <message>
        <source>Data: {where}</source>
        <translation>Данные: {where}</translation>
    </message>
    <message>
        <source>About the membership desk</source>
        <translation>О программе</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Membership desk {version}&lt;/h3&gt;&lt;p&gt;Memberships, lesson packs, credits, invoices and the attendance journal.&lt;/p&gt;&lt;p&gt;Data: {where}&lt;br&gt;Qt for Python {qt}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Стойка администратора {version}&lt;/h3&gt;&lt;p&gt;Абонементы, пакеты занятий, баллы, счета и журнал посещений.&lt;/p&gt;&lt;p&gt;Данные: {where}&lt;br&gt;Qt for Python {qt}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MakeupVisitorDialog</name>
    <message>
        <source>Makeup visitor</source>
        <translation>Гость на отработку</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>Гость</translation>
    </message>
    <message>
        <source>{name} (makeup until {until})</source>
        <translation>{name} (отработка до {until})</translation>
    </message>
    <message>
        <source>Nobody from another group has a makeup lesson of this program to use on {day}.</source>
        <translation>Ни у кого из других групп нет отработки по этой программе на {day}.</translation>
    </message>
</context>
<context>
    <name>MakeupsDialog</name>
    <message>
        <source>Makeup lessons</source>
        <translation>Отработки</translation>
    </message>
    <message>
        <source>Open ({n})</source>
        <translation>Открытые ({n})</translation>
    </message>
    <message>
        <source>Usable until</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <source>Expired unused ({n})</source>
        <translation>Просрочены ({n})</translation>
    </message>
    <message>
        <source>Expired after</source>
        <translation>Истекла после</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Программа</translation>
    </message>
    <message>
        <source>Excused on</source>
        <translation>Уважительный пропуск</translation>
    </message>
    <message>
        <source>An excused absence gives a makeup lesson in any group of the program; mark it &quot;Makeup&quot; in the journal before it expires.</source>
        <translation>Пропуск по уважительной причине даёт отработку в любой группе программы; отметьте её в журнале как «Отработка» до окончания срока.</translation>
    </message>
</context>
<context>
    <name>MembershipsScreen</name>
    <message>
        <source>Memberships</source>
        <translation>Абонементы</translation>
    </message>
    <message>
        <source>Client name, phone or code</source>
        <translation>Имя, телефон или код клиента</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <source>Any package</source>
        <translation>Любой пакет</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Показать:</translation>
    </message>
    <message>
        <source>started</source>
        <translation>начат</translation>
    </message>
    <message>
        <source>Sell…</source>
        <translation>Продать…</translation>
    </message>
    <message>
        <source>Renew…</source>
        <translation>Продлить…</translation>
    </message>
    <message>
        <source>Freeze…</source>
        <translation>Заморозить…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Возобновить</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>Отменить…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Invoice…</source>
        <translation>Счёт…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>1 sale</source>
        <translation>1 продажа</translation>
    </message>
    <message>
        <source>{n} sales</source>
        <translation>продаж: {n}</translation>
    </message>
    <message>
        <source>{package} of {client} resumed</source>
        <translation>{package} ({client}) возобновлён</translation>
    </message>
    <message>
        <source>Cancel {package}</source>
        <translation>Отмена: {package}</translation>
    </message>
    <message>
        <source>{package} of {client} cancelled</source>
        <translation>{package} ({client}) отменён</translation>
    </message>
    <message>
        <source>Delete sale</source>
        <translation>Удаление продажи</translation>
    </message>
    <message>
        <source>Delete {package} of {client}? Only a sale without payments and visits can be deleted.</source>
        <translation>Удалить {package} ({client})? Удалить можно только продажу без оплат и посещений.</translation>
    </message>
    <message>
        <source>{package} of {client} deleted</source>
        <translation>{package} ({client}) удалён</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>{folder} cannot be written to ({reason}). Nothing was saved.</source>
        <translation>В папку {folder} нельзя записать ({reason}). Ничего не сохранено.</translation>
    </message>
    <message>
        <source>{name} could not be written ({reason}). Nothing was saved.</source>
        <translation>Не удалось записать {name} ({reason}). Ничего не сохранено.</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>понедельник</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>вторник</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>среда</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>четверг</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>пятница</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>суббота</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>воскресенье</translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation>ЧЕРНОВИК</translation>
    </message>
    <message>
        <source>VOID</source>
        <translation>АННУЛИРОВАНО</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>Не оплачено</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>Оплачено частично</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation>Счёт {number}</translation>
    </message>
    <message>
        <source>Date: {date}</source>
        <translation>Дата: {date}</translation>
    </message>
    <message>
        <source>State: {state}</source>
        <translation>Статус: {state}</translation>
    </message>
    <message>
        <source>Bill to: {name} ({code})</source>
        <translation>Плательщик: {name} ({code})</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Сумма позиций</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Скидки</translation>
    </message>
    <message>
        <source>Tax {rate}%</source>
        <translation>Налог {rate}%</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>К оплате</translation>
    </message>
    <message>
        <source>Void: {reason}</source>
        <translation>Аннулирован: {reason}</translation>
    </message>
    <message>
        <source>For: {name} ({code})</source>
        <translation>За клиента: {name} ({code})</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Amount {currency}</source>
        <translation>Сумма, {currency}</translation>
    </message>
    <message>
        <source>Paid back</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Оплаты</translation>
    </message>
    <message>
        <source>credit note {number}</source>
        <translation>кредит-нота {number}</translation>
    </message>
    <message>
        <source>files: {names}</source>
        <translation>файлы: {names}</translation>
    </message>
    <message>
        <source>VOID: {reason}</source>
        <translation>АННУЛИРОВАНА: {reason}</translation>
    </message>
    <message>
        <source>Granted {granted} · used {used} · expired {expired} · remaining {remaining}, of which {available} valid today</source>
        <translation>Начислено {granted} · использовано {used} · сгорело {expired} · осталось {remaining}, из них действует сегодня {available}</translation>
    </message>
    <message>
        <source>Credit statement: {name} ({code})</source>
        <translation>Выписка по баллам: {name} ({code})</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Баллы</translation>
    </message>
    <message>
        <source>Granted: {package}, until {end}</source>
        <translation>Начислено: {package}, до {end}</translation>
    </message>
    <message>
        <source>Expired: what was left of {package} (until {end})</source>
        <translation>Сгорело: остаток {package} (до {end})</translation>
    </message>
    <message>
        <source>Reversal of the use of {day}</source>
        <translation>Отмена списания от {day}</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Списано</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>Движение</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Ед.</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Остаток</translation>
    </message>
    <message>
        <source>{units} until {day}</source>
        <translation>{units} до {day}</translation>
    </message>
    <message>
        <source>As of {day}</source>
        <translation>На {day}</translation>
    </message>
    <message>
        <source>Expires: {when}</source>
        <translation>Сгорает: {when}</translation>
    </message>
    <message>
        <source>Nothing valid today.</source>
        <translation>Сегодня ничего не действует.</translation>
    </message>
    <message>
        <source>No credits have been granted to this client.</source>
        <translation>Этому клиенту баллы не начислялись.</translation>
    </message>
    <message>
        <source>(reversed)</source>
        <translation>(отменено)</translation>
    </message>
    <message>
        <source>{name} (unit: {unit})</source>
        <translation>{name} (единица: {unit})</translation>
    </message>
    <message>
        <source>Takings of {day}</source>
        <translation>Выручка кассы за {day}</translation>
    </message>
    <message>
        <source>Refund: {method}</source>
        <translation>Возврат: {method}</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ оплаты</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Касса</translation>
    </message>
    <message>
        <source>Of which paid back (refunds)</source>
        <translation>В том числе возвращено (возвраты)</translation>
    </message>
    <message>
        <source>{what} is a PNG or JPEG file.</source>
        <translation>«{what}»: нужен файл PNG или JPEG.</translation>
    </message>
    <message>
        <source>The file {name} cannot be read.</source>
        <translation>Файл {name} не читается.</translation>
    </message>
    <message>
        <source>{what} is larger than 5 MB.</source>
        <translation>«{what}»: файл больше 5 МБ.</translation>
    </message>
    <message>
        <source>This file is not a PNG or JPEG picture.</source>
        <translation>Этот файл — не картинка PNG или JPEG.</translation>
    </message>
    <message>
        <source>What ends</source>
        <translation>Что заканчивается</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Дата окончания</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>владелец</translation>
    </message>
    <message>
        <source>receptionist</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>teacher</source>
        <translation>педагог</translation>
    </message>
    <message>
        <source>{name} ({role}) may not do this.</source>
        <translation>У пользователя {name} ({role}) нет на это прав.</translation>
    </message>
    <message>
        <source>The day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>The new date</source>
        <translation>Новая дата</translation>
    </message>
    <message>
        <source>Mark it done, missed or planned.</source>
        <translation>Отметьте: проведено, пропущено или запланировано.</translation>
    </message>
    <message>
        <source>{name} is due on {day}: it can be marked on that day or later.</source>
        <translation>«{name}» назначено на {day}: отметить можно в этот день или позже.</translation>
    </message>
    <message>
        <source>This one was rescheduled; mark the new date instead.</source>
        <translation>Это перенесено; отмечайте новую дату.</translation>
    </message>
    <message>
        <source>Only a missed occurrence can be rescheduled.</source>
        <translation>Перенести можно только пропущенное.</translation>
    </message>
    <message>
        <source>It was already rescheduled to {day}.</source>
        <translation>Уже перенесено на {day}.</translation>
    </message>
    <message>
        <source>{package} was cancelled on {day}.</source>
        <translation>«{package}» отменён {day}.</translation>
    </message>
    <message>
        <source>The new date cannot be in the past.</source>
        <translation>Новая дата не может быть в прошлом.</translation>
    </message>
    <message>
        <source>The new date must be within the membership ({first} – {last}).</source>
        <translation>Новая дата должна быть в пределах абонемента ({first} – {last}).</translation>
    </message>
    <message>
        <source>The membership is frozen on that day.</source>
        <translation>В этот день абонемент заморожен.</translation>
    </message>
    <message>
        <source>The start date</source>
        <translation>Дата начала</translation>
    </message>
    <message>
        <source>The end date</source>
        <translation>Дата окончания</translation>
    </message>
    <message>
        <source>The price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>The visit&apos;s date</source>
        <translation>Дата посещения</translation>
    </message>
    <message>
        <source>Cannot change {fields} here.</source>
        <translation>Здесь нельзя изменить: {fields}.</translation>
    </message>
    <message>
        <source>That card belongs to another client.</source>
        <translation>Эта карточка — другого клиента.</translation>
    </message>
    <message>
        <source>{name} is cancelled: only its description can change.</source>
        <translation>«{name}» отменён: можно изменить только наименование.</translation>
    </message>
    <message>
        <source>The description</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>{name} is billed on invoice {invoice}, and an issued invoice never changes: to bill another price, void the invoice and sell again.</source>
        <translation>«{name}» выставлен в счёте {invoice}, а выставленный счёт не меняется: чтобы выставить другую цену, аннулируйте счёт и продайте заново.</translation>
    </message>
    <message>
        <source>{name} would end before it starts.</source>
        <translation>«{name}» закончится раньше, чем начнётся.</translation>
    </message>
    <message>
        <source>{name} has a freeze outside the new dates; the dates must cover its freezes.</source>
        <translation>У «{name}» есть заморозка вне новых дат; даты должны охватывать заморозки.</translation>
    </message>
    <message>
        <source>Credits of {name} were used on {day}, outside the new dates.</source>
        <translation>Баллы «{name}» использованы {day}, вне новых дат.</translation>
    </message>
    <message>
        <source>That visit belongs to another client.</source>
        <translation>Это посещение — другого клиента.</translation>
    </message>
    <message>
        <source>{name} would overlap {package} ({first} – {last}): a client has one membership at a time.</source>
        <translation>«{name}» пересечётся с «{package}» ({first} – {last}): у клиента одновременно только один абонемент.</translation>
    </message>
    <message>
        <source>A check-in has no attendance status; only its date can change.</source>
        <translation>У входа нет статуса посещения; изменить можно только дату.</translation>
    </message>
    <message>
        <source>A check-in cannot be in the future.</source>
        <translation>Вход не может быть в будущем.</translation>
    </message>
    <message>
        <source>Another computer has moved this visit meanwhile; the cards are shown again.</source>
        <translation>Другой компьютер тем временем перенёс это посещение; карточки показаны заново.</translation>
    </message>
    <message>
        <source>Only a lesson that charges a pack can be moved.</source>
        <translation>Перенести можно только занятие, списанное с пакета.</translation>
    </message>
    <message>
        <source>A lesson moves only to a lesson pack of the same client and program.</source>
        <translation>Занятие переносится только в пакет занятий того же клиента и той же программы.</translation>
    </message>
    <message>
        <source>That pack is cancelled.</source>
        <translation>Этот пакет отменён.</translation>
    </message>
    <message>
        <source>“{name}” is full ({count} of {count}).</source>
        <translation>«{name}» заполнен ({count} из {count}).</translation>
    </message>
    <message>
        <source>A service&apos;s name</source>
        <translation>Название услуги</translation>
    </message>
    <message>
        <source>Unknown package fields: {fields}.</source>
        <translation>Неизвестные поля пакета: {fields}.</translation>
    </message>
    <message>
        <source>kind of package</source>
        <translation>вид пакета</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>The term</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Занятия</translation>
    </message>
    <message>
        <source>Member discount</source>
        <translation>Скидка члена клуба</translation>
    </message>
    <message>
        <source>A credits package needs at least one credit type with its units.</source>
        <translation>В пакете баллов нужен хотя бы один вид баллов с количеством.</translation>
    </message>
    <message>
        <source>“{name}” is inactive and cannot be sold.</source>
        <translation>«{name}» не действует, продать его нельзя.</translation>
    </message>
    <message>
        <source>Choose a {what}.</source>
        <translation>Выберите: {what}.</translation>
    </message>
    <message>
        <source>billing type</source>
        <translation>способ оплаты пакета</translation>
    </message>
    <message>
        <source>term unit</source>
        <translation>единица срока</translation>
    </message>
    <message>
        <source>A lesson pack needs its program.</source>
        <translation>Для пакета занятий нужна программа.</translation>
    </message>
    <message>
        <source>Only a membership gives a member discount.</source>
        <translation>Скидку для членов клуба даёт только абонемент.</translation>
    </message>
    <message>
        <source>Choose credit types from the list.</source>
        <translation>Выберите виды баллов из списка.</translation>
    </message>
    <message>
        <source>Choose the weekdays of “{name}”.</source>
        <translation>Выберите дни недели для «{name}».</translation>
    </message>
    <message>
        <source>“{name}” repeats weekly or monthly.</source>
        <translation>«{name}» повторяется каждую неделю или каждый месяц.</translation>
    </message>
    <message>
        <source>Choose the months of “{name}”.</source>
        <translation>Выберите месяцы для «{name}».</translation>
    </message>
    <message>
        <source>Every N weeks</source>
        <translation>Раз в N недель</translation>
    </message>
    <message>
        <source>Day of the month</source>
        <translation>День месяца</translation>
    </message>
    <message>
        <source>Scan a card or type a client code.</source>
        <translation>Отсканируйте карту или введите код клиента.</translation>
    </message>
    <message>
        <source>{name} is archived; restore the client to check in.</source>
        <translation>Клиент {name} в архиве: верните его из архива, чтобы отметить вход.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Unknown client fields: {fields}.</source>
        <translation>Неизвестные поля клиента: {fields}.</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Законный представитель</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>A phone number has digits, spaces, + - ( ) only, and at least 5 digits.</source>
        <translation>В номере телефона могут быть только цифры, пробелы и знаки + - ( ), и не меньше 5 цифр.</translation>
    </message>
    <message>
        <source>A photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Choose a category from the list.</source>
        <translation>Выберите категорию из списка.</translation>
    </message>
    <message>
        <source>That family no longer exists.</source>
        <translation>Этой семьи больше нет.</translation>
    </message>
    <message>
        <source>A code has only letters A-Z and digits.</source>
        <translation>В коде могут быть только латинские буквы A-Z и цифры.</translation>
    </message>
    <message>
        <source>The code {code} belongs to another client.</source>
        <translation>Код {code} уже у другого клиента.</translation>
    </message>
    <message>
        <source>The birth date is in the future.</source>
        <translation>Дата рождения — в будущем.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>{name} has {balance} of {credit} valid on {day}; {asked} cannot be used. Nothing was recorded.</source>
        <translation>У клиента {name} на {day} действует {credit}: {balance}; списать {asked} нельзя. Ничего не записано.</translation>
    </message>
    <message>
        <source>Units must be a number, like 1 or 3.</source>
        <translation>Количество — число, например 1 или 3.</translation>
    </message>
    <message>
        <source>{credit} is counted in whole {units}: {value} is not a whole number.</source>
        <translation>«{credit}» считается целыми единицами ({units}): {value} — не целое число.</translation>
    </message>
    <message>
        <source>Units must be at least 1.</source>
        <translation>Количество — не меньше 1.</translation>
    </message>
    <message>
        <source>Units must be at most {most}.</source>
        <translation>Количество — не больше {most}.</translation>
    </message>
    <message>
        <source>{name} has never had {credit}; sell a credits package first.</source>
        <translation>У клиента {name} никогда не было «{credit}»; сначала продайте пакет баллов.</translation>
    </message>
    <message>
        <source>{name} has {balance} of {credit} valid on {day}; {asked} cannot be used. Nothing was recorded. Their first {credit} starts on {first}.</source>
        <translation>У клиента {name} на {day} действует {credit}: {balance}; списать {asked} нельзя. Ничего не записано. Первые «{credit}» начинают действовать {first}.</translation>
    </message>
    <message>
        <source>{name} has {balance} of {credit} valid on {day}; {asked} cannot be used. Nothing was recorded. Their last {credit} expired on {last}.</source>
        <translation>У клиента {name} на {day} действует {credit}: {balance}; списать {asked} нельзя. Ничего не записано. Последние «{credit}» сгорели {last}.</translation>
    </message>
    <message>
        <source>{name} is archived; restore the client to use or reverse credits.</source>
        <translation>Клиент {name} в архиве: верните его из архива, чтобы списывать или возвращать баллы.</translation>
    </message>
    <message>
        <source>The date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Credits cannot be used on a day still to come.</source>
        <translation>Баллы нельзя списать будущим днём.</translation>
    </message>
    <message>
        <source>This is a reversal; it cannot be reversed itself.</source>
        <translation>Это отмена списания; её саму отменить нельзя.</translation>
    </message>
    <message>
        <source>This use was already reversed on {day}.</source>
        <translation>Это списание уже отменено {day}.</translation>
    </message>
    <message>
        <source>Only the owner can reverse a use recorded before today.</source>
        <translation>Списание, записанное до сегодняшнего дня, отменяет только владелец.</translation>
    </message>
    <message>
        <source>Top up sells a credits package; {name} is not one.</source>
        <translation>Пополнение — это продажа пакета баллов; «{name}» — не он.</translation>
    </message>
    <message>
        <source>Another computer used these credits at the same moment; nothing was recorded. Please try again.</source>
        <translation>Другой компьютер списал эти баллы в тот же момент; ничего не записано. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>These units came from a sale cancelled on {day}; they cannot be given back.</source>
        <translation>Эти баллы — из продажи, отменённой {day}; вернуть их нельзя.</translation>
    </message>
    <message>
        <source>These units came from credits that expired on {day}; giving them back would change nothing.</source>
        <translation>Эти баллы сгорели {day}; их возврат ничего не изменит.</translation>
    </message>
    <message>
        <source>Another computer changed these credits at the same moment; please try again.</source>
        <translation>Другой компьютер изменил эти баллы в тот же момент; попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>This use was reversed on another computer meanwhile.</source>
        <translation>Тем временем это списание отменили на другом компьютере.</translation>
    </message>
    <message>
        <source>The address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Choose A4 or receipt.</source>
        <translation>Выберите A4 или чек.</translation>
    </message>
    <message>
        <source>{name} has no email address; type one.</source>
        <translation>У клиента {name} нет адреса эл. почты; введите его.</translation>
    </message>
    <message>
        <source>Set up the email server and sender in Settings › Email first.</source>
        <translation>Сначала настройте почтовый сервер и отправителя в Настройки › Эл. почта.</translation>
    </message>
    <message>
        <source>No clients are listed, so there are no cards to print.</source>
        <translation>В списке нет клиентов, печатать нечего.</translation>
    </message>
    <message>
        <source>Print at most {most} cards at a time; narrow the list.</source>
        <translation>Печатайте не больше {most} карт за раз; сузьте список.</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Название семьи</translation>
    </message>
    <message>
        <source>Choose another client.</source>
        <translation>Выберите другого клиента.</translation>
    </message>
    <message>
        <source>{name} already belongs to the {family} family; remove them there first.</source>
        <translation>{name} уже в семье «{family}»; сначала уберите клиента оттуда.</translation>
    </message>
    <message>
        <source>{name} is not in a family.</source>
        <translation>{name} не входит ни в одну семью.</translation>
    </message>
    <message>
        <source>A reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>The discounts are larger than the items.</source>
        <translation>Скидки больше суммы позиций.</translation>
    </message>
    <message>
        <source>Only a draft invoice can be issued.</source>
        <translation>Выставить можно только черновик счёта.</translation>
    </message>
    <message>
        <source>An invoice needs at least one line.</source>
        <translation>В счёте должна быть хотя бы одна позиция.</translation>
    </message>
    <message>
        <source>An issued invoice cannot be changed; void it and sell again.</source>
        <translation>Выставленный счёт изменить нельзя; аннулируйте его и продайте заново.</translation>
    </message>
    <message>
        <source>A line&apos;s description</source>
        <translation>Наименование позиции</translation>
    </message>
    <message>
        <source>A line&apos;s amount</source>
        <translation>Сумма позиции</translation>
    </message>
    <message>
        <source>This invoice is already void.</source>
        <translation>Этот счёт уже аннулирован.</translation>
    </message>
    <message>
        <source>Choose an active cash drawer.</source>
        <translation>Выберите действующую кассу.</translation>
    </message>
    <message>
        <source>Choose how the money is paid back.</source>
        <translation>Выберите, как вернуть деньги.</translation>
    </message>
    <message>
        <source>This is another teacher&apos;s group.</source>
        <translation>Это группа другого педагога.</translation>
    </message>
    <message>
        <source>{name} is not in {group} on {day}; a visitor from another group is marked for a makeup lesson only.</source>
        <translation>{name} не в группе «{group}» на {day}; гостя из другой группы отмечают только на отработку.</translation>
    </message>
    <message>
        <source>This client has no makeup lesson left for this program.</source>
        <translation>У этого клиента не осталось отработок по этой программе.</translation>
    </message>
    <message>
        <source>Choose a status from the list.</source>
        <translation>Выберите статус из списка.</translation>
    </message>
    <message>
        <source>{group} has no lesson on {weekday} {day}; add it as an extra date first.</source>
        <translation>У группы «{group}» нет занятия: {weekday}, {day}; сначала добавьте эту дату как дополнительную.</translation>
    </message>
    <message>
        <source>{group} already has a lesson on {day}.</source>
        <translation>У группы «{group}» уже есть занятие {day}.</translation>
    </message>
    <message>
        <source>Clients of the category {category} are not marked in the journal.</source>
        <translation>Клиентов категории «{category}» в журнале не отмечают.</translation>
    </message>
    <message>
        <source>The makeup lesson this absence earned was used on {day}; change that mark first.</source>
        <translation>Отработка за этот пропуск уже использована {day}; сначала измените ту отметку.</translation>
    </message>
    <message>
        <source>{name} already has a mark in {group} on {day}.</source>
        <translation>У клиента {name} уже есть отметка в группе «{group}» на {day}.</translation>
    </message>
    <message>
        <source>There is already an attendance status called {name}.</source>
        <translation>Статус посещения «{name}» уже есть.</translation>
    </message>
    <message>
        <source>There is already a client category called {name}.</source>
        <translation>Категория клиентов «{name}» уже есть.</translation>
    </message>
    <message>
        <source>There is already a cash drawer called {name}.</source>
        <translation>Касса «{name}» уже есть.</translation>
    </message>
    <message>
        <source>There is already a credit type called {name}.</source>
        <translation>Вид баллов «{name}» уже есть.</translation>
    </message>
    <message>
        <source>{label} must be on or off.</source>
        <translation>«{label}»: только вкл. или выкл.</translation>
    </message>
    <message>
        <source>There is no list called {kind}.</source>
        <translation>Списка «{kind}» нет.</translation>
    </message>
    <message>
        <source>A status either gives a makeup or uses one, not both.</source>
        <translation>Статус либо даёт отработку, либо использует её, но не то и другое сразу.</translation>
    </message>
    <message>
        <source>A makeup lesson uses no lesson of a pack: turn off “Charges a lesson”.</source>
        <translation>Отработка не списывает занятие из пакета: выключите «Списывает занятие».</translation>
    </message>
    <message>
        <source>A {what} cannot be deactivated; rename it instead.</source>
        <translation>Этот элемент ({what}) нельзя отключить; переименуйте его.</translation>
    </message>
    <message>
        <source>{name} is the default cash drawer: make another drawer the default first.</source>
        <translation>«{name}» — касса по умолчанию: сначала сделайте основной другую кассу.</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Буква</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
    <message>
        <source>Charges a lesson</source>
        <translation>Списывает занятие</translation>
    </message>
    <message>
        <source>Gives a makeup</source>
        <translation>Даёт отработку</translation>
    </message>
    <message>
        <source>Uses a makeup</source>
        <translation>Использует отработку</translation>
    </message>
    <message>
        <source>May attend lessons</source>
        <translation>Может посещать занятия</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Единица</translation>
    </message>
    <message>
        <source>Used at check-in</source>
        <translation>Списываются при входе</translation>
    </message>
    <message>
        <source>Low balance at</source>
        <translation>Мало при остатке</translation>
    </message>
    <message>
        <source>The payment date</source>
        <translation>Дата оплаты</translation>
    </message>
    <message>
        <source>Attach at most 20 files to one payment.</source>
        <translation>К одной оплате можно приложить не больше 20 файлов.</translation>
    </message>
    <message>
        <source>Issue the draft invoice before taking a payment.</source>
        <translation>Сначала выставьте черновик счёта, потом принимайте оплату.</translation>
    </message>
    <message>
        <source>This invoice is void; it takes no payments.</source>
        <translation>Этот счёт аннулирован, оплаты по нему не принимаются.</translation>
    </message>
    <message>
        <source>The amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>The amount {amount} is more than the balance due ({due}). Nothing was recorded.</source>
        <translation>Сумма {amount} больше остатка к оплате ({due}). Ничего не записано.</translation>
    </message>
    <message>
        <source>Choose a cash drawer from the list.</source>
        <translation>Выберите кассу из списка.</translation>
    </message>
    <message>
        <source>A payment cannot be dated in the future.</source>
        <translation>Оплату нельзя провести будущей датой.</translation>
    </message>
    <message>
        <source>This payment is already void.</source>
        <translation>Эта оплата уже аннулирована.</translation>
    </message>
    <message>
        <source>The invoice of this payment is void and what was paid on it was paid back.</source>
        <translation>Счёт этой оплаты аннулирован, а оплаченное по нему возвращено.</translation>
    </message>
    <message>
        <source>This payment was taken on {day}: only a payment of today can be voided. To pay the money back, cancel the sale or void the invoice (a refund).</source>
        <translation>Эта оплата принята {day}: аннулировать можно только сегодняшнюю оплату. Чтобы вернуть деньги, отмените продажу или аннулируйте счёт (возврат).</translation>
    </message>
    <message>
        <source>Only the owner can see the takings of another day.</source>
        <translation>Выручку за другие дни видит только владелец.</translation>
    </message>
    <message>
        <source>The file {name} is larger than 25 MB.</source>
        <translation>Файл {name} больше 25 МБ.</translation>
    </message>
    <message>
        <source>{problem} Nothing was recorded.</source>
        <translation>{problem} Ничего не записано.</translation>
    </message>
    <message>
        <source>Choose a payment method.</source>
        <translation>Выберите способ оплаты.</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Номер документа</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Дата начала</translation>
    </message>
    <message>
        <source>Lesson price</source>
        <translation>Цена занятия</translation>
    </message>
    <message>
        <source>There is already a program called {name}.</source>
        <translation>Программа «{name}» уже есть.</translation>
    </message>
    <message>
        <source>Choose the group&apos;s program.</source>
        <translation>Выберите программу группы.</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>День недели</translation>
    </message>
    <message>
        <source>Give the group at least one weekly lesson time.</source>
        <translation>Укажите для группы хотя бы одно время занятия в неделю.</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Зал</translation>
    </message>
    <message>
        <source>That group or client no longer exists.</source>
        <translation>Этой группы или этого клиента больше нет.</translation>
    </message>
    <message>
        <source>{name} is archived; restore the client first.</source>
        <translation>Клиент {name} в архиве: сначала верните его из архива.</translation>
    </message>
    <message>
        <source>{name} is already in this group.</source>
        <translation>{name} уже в этой группе.</translation>
    </message>
    <message>
        <source>That client is not in this group.</source>
        <translation>Этого клиента нет в этой группе.</translation>
    </message>
    <message>
        <source>Times are written like 17:30.</source>
        <translation>Время пишется так: 17:30.</translation>
    </message>
    <message>
        <source>Choose an active user as the teacher.</source>
        <translation>Выберите педагогом действующего пользователя.</translation>
    </message>
    <message>
        <source>A lesson ends after it starts.</source>
        <translation>Занятие заканчивается позже, чем начинается.</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Мест</translation>
    </message>
    <message>
        <source>pg_dump is not installed on this PC: the database server&apos;s own backups apply.</source>
        <translation>На этом компьютере не установлен pg_dump: действуют собственные резервные копии сервера базы данных.</translation>
    </message>
    <message>
        <source>The backup {name} is empty or missing: nothing was restored.</source>
        <translation>Резервная копия {name} пуста или отсутствует: ничего не восстановлено.</translation>
    </message>
    <message>
        <source>The backup {name} is damaged: nothing was restored.</source>
        <translation>Резервная копия {name} повреждена: ничего не восстановлено.</translation>
    </message>
    <message>
        <source>{name} is not a membership desk backup: nothing was restored.</source>
        <translation>{name} — не резервная копия стойки администратора: ничего не восстановлено.</translation>
    </message>
    <message>
        <source>The database has damaged pages ({problems}). Restore a backup made before the damage.</source>
        <translation>В базе данных повреждены страницы ({problems}). Восстановите резервную копию, сделанную до повреждения.</translation>
    </message>
    <message>
        <source>No backup was made: {reason}</source>
        <translation>Резервная копия не сделана: {reason}</translation>
    </message>
    <message>
        <source>No backup was made in {folder}: {reason}</source>
        <translation>Резервная копия в папке {folder} не сделана: {reason}</translation>
    </message>
    <message>
        <source>the disk is full.</source>
        <translation>диск заполнен.</translation>
    </message>
    <message>
        <source>the folder cannot be written to.</source>
        <translation>в эту папку нельзя записывать.</translation>
    </message>
    <message>
        <source>No backup was made: pg_dump could not back up the database ({said}).</source>
        <translation>Резервная копия не сделана: pg_dump не смог сохранить базу данных ({said}).</translation>
    </message>
    <message>
        <source>No backup was made: pg_dump did not finish within an hour.</source>
        <translation>Резервная копия не сделана: pg_dump не закончил работу за час.</translation>
    </message>
    <message>
        <source>Nothing was restored: the current file could not be kept in {folder}: {reason}</source>
        <translation>Ничего не восстановлено: текущий файл не удалось сохранить в папке {folder}: {reason}</translation>
    </message>
    <message>
        <source>The connection to the database server was lost, so this was not saved: nothing of it was written. Please try again (the desk reconnects by itself once the server answers).</source>
        <translation>Связь с сервером базы данных прервалась, поэтому это не сохранено: ничего из этого не записано. Попробуйте ещё раз (программа сама подключится снова, как только сервер ответит).</translation>
    </message>
    <message>
        <source>The connection to the database server was lost just while saving, and the server cannot be asked yet whether it was saved. Once the server answers, look whether it is there (the client&apos;s sales and payments, the list you changed) before doing it again.</source>
        <translation>Связь с сервером базы данных прервалась как раз во время сохранения, и сервер пока нельзя спросить, сохранилось ли. Когда сервер ответит, проверьте, есть ли это (продажи и оплаты клиента, список, который вы меняли), прежде чем делать снова.</translation>
    </message>
    <message>
        <source>The server refused the user name or password. Check both in the server&apos;s address (Settings › Database server).</source>
        <translation>Сервер не принял имя пользователя или пароль. Проверьте и то и другое в адресе сервера (Настройки › Сервер базы данных).</translation>
    </message>
    <message>
        <source>The server&apos;s name was not found. Check the host name in the address and the network.</source>
        <translation>Имя сервера не найдено. Проверьте имя хоста в адресе и сеть.</translation>
    </message>
    <message>
        <source>The server does not answer. Check that it runs, the port, and the network (a firewall?).</source>
        <translation>Сервер не отвечает. Проверьте, что он запущен, порт и сеть (не мешает ли брандмауэр?).</translation>
    </message>
    <message>
        <source>The server answered, but it has no database of that name. Check the name in the address.</source>
        <translation>Сервер ответил, но базы данных с таким именем на нём нет. Проверьте имя в адресе.</translation>
    </message>
    <message>
        <source>This is not a server address. Write it as postgresql://user:password@host:5432/desk.</source>
        <translation>Это не адрес сервера. Напишите его так: postgresql://user:password@host:5432/desk.</translation>
    </message>
    <message>
        <source>The server refused the connection: {said}</source>
        <translation>Сервер отказал в подключении: {said}</translation>
    </message>
    <message>
        <source>Connected to {where}: PostgreSQL {version}.</source>
        <translation>Подключено к {where}: PostgreSQL {version}.</translation>
    </message>
    <message>
        <source>The desk does not speak &apos;{language}&apos;; choose one of: {choices}.</source>
        <translation>Программа не говорит на языке «{language}»; выберите один из: {choices}.</translation>
    </message>
    <message>
        <source>{label}: write either a comma or a point before the kopecks, not both (like {example}).</source>
        <translation>Поле «{label}»: перед копейками поставьте либо запятую, либо точку, но не то и другое сразу (например, {example}).</translation>
    </message>
    <message>
        <source>{label}: &apos;{typed}&apos; is not clear; write it like {example}.</source>
        <translation>Поле «{label}»: запись «{typed}» непонятна; напишите, например, так: {example}.</translation>
    </message>
    <message>
        <source>{label}: {typed} is ambiguous; write the decimals with a point, like {like}, and commas only between thousands, like 1,234.50.</source>
        <translation>Поле «{label}»: запись {typed} можно понять двояко; отделяйте дробную часть точкой, например {like}, а запятые ставьте только между тысячами, например 1,234.50.</translation>
    </message>
    <message>
        <source>{business}: a reminder about your {package}</source>
        <translation>{business}: напоминание — {package}</translation>
    </message>
    <message>
        <source>Hello {client},

{items}

Renew at the reception, or reply to this email, to keep your place.

{business}</source>
        <translation>Здравствуйте, {client}!

{items}

Продлите абонемент у администратора или ответьте на это письмо, чтобы сохранить за собой место.

{business}</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <source>Page {number} of {total}</source>
        <translation>Страница {number} из {total}</translation>
    </message>
    <message>
        <source>Made {when}</source>
        <translation>Составлено {when}</translation>
    </message>
    <message>
        <source>Memberships and packs ending soon</source>
        <translation>Абонементы и пакеты, которые скоро заканчиваются</translation>
    </message>
    <message>
        <source>Members at risk</source>
        <translation>Клиенты под угрозой ухода</translation>
    </message>
    <message>
        <source>Expired memberships</source>
        <translation>Закончившиеся абонементы</translation>
    </message>
    <message>
        <source>Renewals</source>
        <translation>Продления</translation>
    </message>
    <message>
        <source>New subscriptions</source>
        <translation>Новые абонементы</translation>
    </message>
    <message>
        <source>Most requested packages</source>
        <translation>Самые популярные пакеты</translation>
    </message>
    <message>
        <source>Payments and refunds by method and cash drawer</source>
        <translation>Оплаты и возвраты по способам оплаты и кассам</translation>
    </message>
    <message>
        <source>Outstanding balances</source>
        <translation>Задолженности</translation>
    </message>
    <message>
        <source>Unpaid lessons</source>
        <translation>Неоплаченные занятия</translation>
    </message>
    <message>
        <source>Attendance and occupancy by group and month</source>
        <translation>Посещаемость и заполненность групп по месяцам</translation>
    </message>
    <message>
        <source>Credits by client and type</source>
        <translation>Баллы по клиентам и видам</translation>
    </message>
    <message>
        <source>Every current member has come within these days.</source>
        <translation>Все действующие клиенты приходили за эти дни.</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Последний визит</translation>
    </message>
    <message>
        <source>Days absent</source>
        <translation>Дней без визитов</translation>
    </message>
    <message>
        <source>No visit in</source>
        <translation>Без визитов</translation>
    </message>
    <message>
        <source>Attendance by month</source>
        <translation>Посещаемость по месяцам</translation>
    </message>
    <message>
        <source>No group had marks or enrolled clients in this period.</source>
        <translation>В этот период ни в одной группе не было отметок или записанных клиентов.</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>Отметки</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Программа</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Записано</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>Заполненность</translation>
    </message>
    <message>
        <source>Nobody owes anything.</source>
        <translation>Задолженностей нет.</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Плательщик</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>Invoices owing</source>
        <translation>Неоплаченных счетов</translation>
    </message>
    <message>
        <source>Oldest unpaid invoice</source>
        <translation>Самый старый неоплаченный счёт</translation>
    </message>
    <message>
        <source>Days owing</source>
        <translation>Дней долга</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Период заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <source>Choose dates between {first} and {last}.</source>
        <translation>Выберите даты с {first} по {last} год.</translation>
    </message>
    <message>
        <source>Nothing in this period.</source>
        <translation>За этот период ничего нет.</translation>
    </message>
    <message>
        <source>Listed apart</source>
        <translation>Отдельно</translation>
    </message>
    <message>
        <source>That client no longer exists.</source>
        <translation>Этого клиента больше нет.</translation>
    </message>
    <message>
        <source>That package no longer exists.</source>
        <translation>Этого пакета больше нет.</translation>
    </message>
    <message>
        <source>That program no longer exists.</source>
        <translation>Этой программы больше нет.</translation>
    </message>
    <message>
        <source>That group no longer exists.</source>
        <translation>Этой группы больше нет.</translation>
    </message>
    <message>
        <source>That credit type no longer exists.</source>
        <translation>Этого вида баллов больше нет.</translation>
    </message>
    <message>
        <source>The number of days</source>
        <translation>Число дней</translation>
    </message>
    <message numerus="yes">
        <source>%n clients</source>
        <translation>
            <numerusform>%n клиент</numerusform>
            <numerusform>%n клиента</numerusform>
            <numerusform>%n клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a kind of package from the list.</source>
        <translation>Выберите вид пакета из списка.</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <source>Credit type</source>
        <translation>Вид баллов</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <source>No credits were granted or used in this period.</source>
        <translation>В этот период баллы не начислялись и не списывались.</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Начислено</translation>
    </message>
    <message>
        <source>Consumed</source>
        <translation>Списано</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Сгорело</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Остаток</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>Скоро сгорят</translation>
    </message>
    <message>
        <source>Next expiry</source>
        <translation>Ближайшее сгорание</translation>
    </message>
    <message>
        <source>Expiring within</source>
        <translation>Сгорают в течение</translation>
    </message>
    <message numerus="yes">
        <source>Ending within %n days</source>
        <translation>
            <numerusform>Заканчиваются в течение %n дня</numerusform>
            <numerusform>Заканчиваются в течение %n дней</numerusform>
            <numerusform>Заканчиваются в течение %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Revenue by month</source>
        <translation>Выручка по месяцам</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новые</translation>
    </message>
    <message>
        <source>Renewed</source>
        <translation>Продлены</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Ушли</translation>
    </message>
    <message>
        <source>Current members</source>
        <translation>Действующие клиенты</translation>
    </message>
    <message>
        <source>New this month</source>
        <translation>Новые в этом месяце</translation>
    </message>
    <message>
        <source>Renewed this month</source>
        <translation>Продлены в этом месяце</translation>
    </message>
    <message>
        <source>Lost this month</source>
        <translation>Ушли в этом месяце</translation>
    </message>
    <message>
        <source>Revenue this month</source>
        <translation>Выручка за месяц</translation>
    </message>
    <message>
        <source>Outstanding balance</source>
        <translation>Общая задолженность</translation>
    </message>
    <message>
        <source>Group occupancy</source>
        <translation>Заполненность групп</translation>
    </message>
    <message>
        <source>Member movement by month</source>
        <translation>Движение клиентов по месяцам</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Выручка</translation>
    </message>
    <message numerus="yes">
        <source>%n memberships and packs</source>
        <translation>
            <numerusform>%n абонемент или пакет</numerusform>
            <numerusform>%n абонемента или пакета</numerusform>
            <numerusform>%n абонементов и пакетов</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing ends within these days.</source>
        <translation>В эти дни ничего не заканчивается.</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Осталось дней</translation>
    </message>
    <message>
        <source>Lessons left</source>
        <translation>Осталось занятий</translation>
    </message>
    <message>
        <source>Ending within</source>
        <translation>Заканчиваются в течение</translation>
    </message>
    <message>
        <source>Status now</source>
        <translation>Статус сейчас</translation>
    </message>
    <message numerus="yes">
        <source>%n sales</source>
        <translation>
            <numerusform>%n продажа</numerusform>
            <numerusform>%n продажи</numerusform>
            <numerusform>%n продаж</numerusform>
        </translation>
    </message>
    <message>
        <source>No membership expired in this period.</source>
        <translation>В этот период абонементы не заканчивались.</translation>
    </message>
    <message>
        <source>No membership was renewed in this period.</source>
        <translation>В этот период абонементы не продлевались.</translation>
    </message>
    <message>
        <source>No new subscription started in this period.</source>
        <translation>В этот период новых абонементов не было.</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Renewal starts</source>
        <translation>Начало продления</translation>
    </message>
    <message>
        <source>Which ended</source>
        <translation>Окончание прежнего</translation>
    </message>
    <message>
        <source>Renewed with</source>
        <translation>Продлён пакетом</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>Days uncovered</source>
        <translation>Дней без абонемента</translation>
    </message>
    <message>
        <source>No payment was taken and nothing was paid back in this period.</source>
        <translation>В этот период не было ни оплат, ни возвратов.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Top packages</source>
        <translation>Популярные пакеты</translation>
    </message>
    <message>
        <source>No package was sold in this period or the one before.</source>
        <translation>Ни в этом, ни в предыдущем периоде пакеты не продавались.</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Этот период</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Предыдущий период</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Продажи</translation>
    </message>
    <message>
        <source>Sales before</source>
        <translation>Продажи ранее</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>Revenue before</source>
        <translation>Выручка ранее</translation>
    </message>
    <message>
        <source>Revenue change</source>
        <translation>Изменение выручки</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>В сравнении с</translation>
    </message>
    <message>
        <source>Your {package} ({kind}) ended on {day}.</source>
        <translation>Ваш пакет «{package}» ({kind}) закончился {day}.</translation>
    </message>
    <message>
        <source>{label} must be one line.</source>
        <translation>Поле «{label}» должно быть в одну строку.</translation>
    </message>
    <message>
        <source>Your {package} ({kind}) ends on {day}.</source>
        <translation>Ваш пакет «{package}» ({kind}) заканчивается {day}.</translation>
    </message>
    <message>
        <source>{label} has a lone {{ or }}: write {{{{ or }}}} for a brace itself.</source>
        <translation>В поле «{label}» есть одиночная {{ или }}: чтобы написать саму скобку, удвойте её: {{{{ или }}}}.</translation>
    </message>
    <message>
        <source>{label} has an unknown placeholder {shown}. Use only {known}.</source>
        <translation>В поле «{label}» неизвестная подстановка {shown}. Используйте только {known}.</translation>
    </message>
    <message numerus="yes">
        <source>%n days after</source>
        <translation>
            <numerusform>через %n день после окончания</numerusform>
            <numerusform>через %n дня после окончания</numerusform>
            <numerusform>через %n дней после окончания</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Напоминания</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <source>on the day</source>
        <translation>в день окончания</translation>
    </message>
    <message numerus="yes">
        <source>%n days before</source>
        <translation>
            <numerusform>за %n день до окончания</numerusform>
            <numerusform>за %n дня до окончания</numerusform>
            <numerusform>за %n дней до окончания</numerusform>
        </translation>
    </message>
    <message>
        <source>No phone or email</source>
        <translation>Нет телефона и почты</translation>
    </message>
    <message>
        <source>No reminders are due today.</source>
        <translation>Сегодня напоминать некому.</translation>
    </message>
    <message>
        <source>No reminder days are set: add them in Settings (e.g. 7, 1, -3).</source>
        <translation>Дни напоминаний не заданы: добавьте их в настройках (например, 7, 1, -3).</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Offsets</source>
        <translation>Когда напоминать</translation>
    </message>
    <message>
        <source>no reminder days set</source>
        <translation>дни напоминаний не заданы</translation>
    </message>
    <message numerus="yes">
        <source>%n unpaid lessons</source>
        <translation>
            <numerusform>%n неоплаченное занятие</numerusform>
            <numerusform>%n неоплаченных занятия</numerusform>
            <numerusform>%n неоплаченных занятий</numerusform>
        </translation>
    </message>
    <message>
        <source>No lesson is unpaid.</source>
        <translation>Неоплаченных занятий нет.</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Отметка</translation>
    </message>
    <message>
        <source>Days unpaid</source>
        <translation>Дней без оплаты</translation>
    </message>
    <message>
        <source>Sold {package} for {price}, {start} to {end}</source>
        <translation>Продан пакет «{package}» за {price}, с {start} по {end}</translation>
    </message>
    <message>
        <source>Frozen from {start} to {end}; now ends {new_end}</source>
        <translation>Заморожен с {start} по {end}; теперь действует до {new_end}</translation>
    </message>
    <message>
        <source>Resumed on {on}; now ends {new_end}</source>
        <translation>Возобновлён {on}; теперь действует до {new_end}</translation>
    </message>
    <message>
        <source>Deleted ({package})</source>
        <translation>Удалён ({package})</translation>
    </message>
    <message>
        <source>Cancelled: {reason}</source>
        <translation>Отменён: {reason}</translation>
    </message>
    <message>
        <source>Card corrected</source>
        <translation>Карточка исправлена</translation>
    </message>
    <message>
        <source>Invoice {number} issued</source>
        <translation>Выставлен счёт {number}</translation>
    </message>
    <message>
        <source>Draft changed; total {total}</source>
        <translation>Черновик изменён; итого {total}</translation>
    </message>
    <message>
        <source>Payment of {amount} taken</source>
        <translation>Принята оплата {amount}</translation>
    </message>
    <message>
        <source>Paid back {amount} (credit note {credit_note})</source>
        <translation>Возвращено {amount} (кредит-нота {credit_note})</translation>
    </message>
    <message>
        <source>Voided: {reason}</source>
        <translation>Аннулирован: {reason}</translation>
    </message>
    <message>
        <source>Emailed to {to}</source>
        <translation>Отправлен по эл. почте на {to}</translation>
    </message>
    <message>
        <source>Payment voided: {reason}</source>
        <translation>Оплата аннулирована: {reason}</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Отмечен приход</translation>
    </message>
    <message>
        <source>Marked {status} on {date}</source>
        <translation>Отмечено «{status}» за {date}</translation>
    </message>
    <message>
        <source>Mark cleared on {date}</source>
        <translation>Снята отметка за {date}</translation>
    </message>
    <message>
        <source>Moved to another card</source>
        <translation>Перенесено на другую карточку</translation>
    </message>
    <message>
        <source>Visit corrected</source>
        <translation>Посещение исправлено</translation>
    </message>
    <message>
        <source>Client added with card {code}</source>
        <translation>Клиент добавлен, карта {code}</translation>
    </message>
    <message>
        <source>{added} clients imported</source>
        <translation>Импортировано клиентов: {added}</translation>
    </message>
    <message>
        <source>A client joined the family</source>
        <translation>В семью добавлен клиент</translation>
    </message>
    <message>
        <source>A client left the family</source>
        <translation>Клиент вышел из семьи</translation>
    </message>
    <message>
        <source>The family&apos;s payer changed</source>
        <translation>Сменился плательщик семьи</translation>
    </message>
    <message>
        <source>Family renamed {name}</source>
        <translation>Семья переименована: {name}</translation>
    </message>
    <message>
        <source>Group {name} created</source>
        <translation>Создана группа {name}</translation>
    </message>
    <message>
        <source>A client enrolled</source>
        <translation>Клиент записан в группу</translation>
    </message>
    <message>
        <source>A client left the group</source>
        <translation>Клиент выбыл из группы</translation>
    </message>
    <message>
        <source>Extra lesson on {date}</source>
        <translation>Дополнительное занятие {date}</translation>
    </message>
    <message>
        <source>{clients} marked {status} on {date}</source>
        <translation>Отмечено «{status}» за {date}: {clients}</translation>
    </message>
    <message>
        <source>Program {name} created</source>
        <translation>Создана программа {name}</translation>
    </message>
    <message>
        <source>Package {name} created at {price}</source>
        <translation>Создан пакет «{name}» по цене {price}</translation>
    </message>
    <message>
        <source>User {username} created</source>
        <translation>Создан пользователь {username}</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Пароль сброшен</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Пароль изменён</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Вход в программу</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Выход из программы</translation>
    </message>
    <message>
        <source>Wrong password typed for {username}</source>
        <translation>Неверный пароль для {username}</translation>
    </message>
    <message>
        <source>The desk was set up for {business_name}</source>
        <translation>Программа настроена для «{business_name}»</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Настройки изменены</translation>
    </message>
    <message>
        <source>{units} of {type} used on {on}; {left} left</source>
        <translation>Списано {units} ({type}) {on}; осталось {left}</translation>
    </message>
    <message>
        <source>Use of {units} reversed</source>
        <translation>Списание {units} отменено</translation>
    </message>
    <message>
        <source>Marked {state}</source>
        <translation>Отмечено: {state}</translation>
    </message>
    <message>
        <source>Note changed</source>
        <translation>Заметка изменена</translation>
    </message>
    <message>
        <source>Moved to {to}</source>
        <translation>Перенесено на {to}</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Добавлено</translation>
    </message>
    <message>
        <source>Details changed</source>
        <translation>Данные изменены</translation>
    </message>
    <message>
        <source>Made active</source>
        <translation>Включено</translation>
    </message>
    <message>
        <source>Made inactive</source>
        <translation>Отключено</translation>
    </message>
    <message>
        <source>No client has the code {code}.</source>
        <translation>Нет клиента с кодом {code}.</translation>
    </message>
    <message>
        <source>{name} was checked in {minutes} min ago. Record another visit?</source>
        <translation>{name}: приход отмечен {minutes} мин назад. Записать ещё одно посещение?</translation>
    </message>
    <message>
        <source>{units} of {name} used; {left} left</source>
        <translation>{name}: списано {units}, осталось {left}</translation>
    </message>
    <message>
        <source>{name}: 1 {unit} taken, {left} left.</source>
        <translation>{name}: списано 1 ({unit}), осталось {left}.</translation>
    </message>
    <message>
        <source>{name}: low balance.</source>
        <translation>{name}: остаток на исходе.</translation>
    </message>
    <message>
        <source>{name}: {units} expire by {day} (first on {first}).</source>
        <translation>{name}: {units} сгорят до {day} (первые — {first}).</translation>
    </message>
    <message>
        <source>{name}: low balance, {left} left.</source>
        <translation>{name}: остаток на исходе, осталось {left}.</translation>
    </message>
    <message>
        <source>Invoice {number} from {business}</source>
        <translation>Счёт {number} от {business}</translation>
    </message>
    <message>
        <source>Membership desk</source>
        <translation>Стойка администратора</translation>
    </message>
    <message>
        <source>Hello {client},

please find invoice {number} attached.
Total {total} {currency}, balance due {balance} {currency}.

{business}
</source>
        <translation>Здравствуйте, {client}!

Во вложении счёт {number}.
Итого {total} {currency}, к оплате {balance} {currency}.

{business}
</translation>
    </message>
    <message>
        <source>The email could not be sent: {reason}. Nothing was sent.</source>
        <translation>Письмо не удалось отправить: {reason}. Ничего не отправлено.</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Запланировано</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>До</translation>
    </message>
    <message>
        <source>Lessons used</source>
        <translation>Занятий проведено</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Счёт</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>К оплате</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Доступно</translation>
    </message>
    <message>
        <source>Soonest expiry</source>
        <translation>Ближайшее сгорание</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Абонемент</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Moved to</source>
        <translation>Перенесено на</translation>
    </message>
    <message>
        <source>Moved from</source>
        <translation>Перенесено с</translation>
    </message>
    <message>
        <source>Marked by</source>
        <translation>Отметил(а)</translation>
    </message>
    <message>
        <source>Marked at</source>
        <translation>Когда отмечено</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Nothing in this list with these filters.</source>
        <translation>В этом списке с такими фильтрами ничего нет.</translation>
    </message>
    <message>
        <source>{name} is already in this group (waiting list).</source>
        <translation>{name} уже в этой группе (в листе ожидания).</translation>
    </message>
    <message>
        <source>card</source>
        <translation>карточка</translation>
    </message>
    <message>
        <source>client</source>
        <translation>клиент</translation>
    </message>
    <message>
        <source>credit type</source>
        <translation>вид баллов</translation>
    </message>
    <message>
        <source>credit use</source>
        <translation>списание баллов</translation>
    </message>
    <message>
        <source>family</source>
        <translation>семья</translation>
    </message>
    <message>
        <source>group</source>
        <translation>группа</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>счёт</translation>
    </message>
    <message>
        <source>lesson pack</source>
        <translation>пакет занятий</translation>
    </message>
    <message>
        <source>membership</source>
        <translation>абонемент</translation>
    </message>
    <message>
        <source>package</source>
        <translation>пакет</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>оплата</translation>
    </message>
    <message>
        <source>program</source>
        <translation>программа</translation>
    </message>
    <message>
        <source>service occurrence</source>
        <translation>услуга по расписанию</translation>
    </message>
    <message>
        <source>user</source>
        <translation>пользователь</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>посещение</translation>
    </message>
    <message>
        <source>attendance status</source>
        <translation>статус посещения</translation>
    </message>
    <message>
        <source>client category</source>
        <translation>категория клиентов</translation>
    </message>
    <message>
        <source>cash drawer</source>
        <translation>касса</translation>
    </message>
    <message>
        <source>This {what} no longer exists.</source>
        <translation>Этой записи больше нет ({what}).</translation>
    </message>
    <message>
        <source>Save a report as a .pdf, .xlsx or .csv file.</source>
        <translation>Сохраните отчёт как файл .pdf, .xlsx или .csv.</translation>
    </message>
    <message>
        <source>credits</source>
        <translation>баллы</translation>
    </message>
    <message>
        <source>Freeze start</source>
        <translation>Начало заморозки</translation>
    </message>
    <message>
        <source>Freeze end</source>
        <translation>Конец заморозки</translation>
    </message>
    <message>
        <source>The start date must be within a year of today.</source>
        <translation>Дата начала должна быть не дальше года от сегодняшнего дня.</translation>
    </message>
    <message>
        <source>The discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <source>{name} is archived; restore the client before selling.</source>
        <translation>Клиент {name} в архиве: верните его из архива, чтобы продать.</translation>
    </message>
    <message>
        <source>A {kind} is renewed with a {kind} package; “{package}” is a {other} package.</source>
        <translation>Продление вида «{kind}» — только пакетом того же вида («{kind}»); «{package}» — это вид «{other}».</translation>
    </message>
    <message>
        <source>This membership has already been renewed.</source>
        <translation>Этот абонемент уже продлён.</translation>
    </message>
    <message>
        <source>Only a time membership can be frozen.</source>
        <translation>Заморозить можно только абонемент на срок.</translation>
    </message>
    <message>
        <source>A freeze cannot start in the past.</source>
        <translation>Заморозка не может начаться в прошлом.</translation>
    </message>
    <message>
        <source>The freeze must start within the membership ({first} – {last}).</source>
        <translation>Заморозка должна начаться в пределах абонемента ({first} – {last}).</translation>
    </message>
    <message>
        <source>A freeze lasts {least} to {most} days; this one is {days}.</source>
        <translation>Заморозка длится от {least} до {most} дней; здесь дней: {days}.</translation>
    </message>
    <message>
        <source>This freeze overlaps another one.</source>
        <translation>Эта заморозка пересекается с другой.</translation>
    </message>
    <message>
        <source>At most {most} freeze days a year; {used} already used in {year}.</source>
        <translation>Не больше {most} дней заморозки в год; в {year} уже использовано: {used}.</translation>
    </message>
    <message>
        <source>This sale has payments or visits and cannot be deleted; cancel it instead.</source>
        <translation>По этой продаже есть оплаты или посещения, удалить её нельзя; отмените её.</translation>
    </message>
    <message>
        <source>This sale has been renewed; delete the renewal first.</source>
        <translation>Эта продажа уже продлена; сначала удалите продление.</translation>
    </message>
    <message>
        <source>Credits of this sale have been used; cancel it instead.</source>
        <translation>Баллы этой продажи уже использованы; отмените её.</translation>
    </message>
    <message>
        <source>{package}, {start} – {end}</source>
        <translation>{package}, {start} – {end}</translation>
    </message>
    <message>
        <source>{name} already has a current membership: {package} ({first} – {last}). Renew it instead; the renewal starts on {renewal}.</source>
        <translation>У клиента {name} уже есть действующий абонемент: {package} ({first} – {last}). Продлите его; продление начнётся {renewal}.</translation>
    </message>
    <message>
        <source>These dates overlap {name}&apos;s membership {package} ({first} – {last}).</source>
        <translation>Эти даты пересекаются с абонементом клиента {name}: {package} ({first} – {last}).</translation>
    </message>
    <message>
        <source>This sale has payments: only the owner can cancel it (the money is paid back).</source>
        <translation>По этой продаже есть оплаты: отменить её может только владелец (деньги возвращаются).</translation>
    </message>
    <message>
        <source>Sibling discount {percent}%</source>
        <translation>Скидка для брата или сестры {percent}%</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <source>Member discount {percent}% ({package})</source>
        <translation>Скидка по абонементу {percent}% ({package})</translation>
    </message>
    <message>
        <source>This number of days</source>
        <translation>Число дней</translation>
    </message>
    <message>
        <source>This field</source>
        <translation>Это поле</translation>
    </message>
    <message>
        <source>Give up to ten day offsets, like 7, 1, -3.</source>
        <translation>Укажите до десяти сдвигов в днях, например 7, 1, -3.</translation>
    </message>
    <message>
        <source>Must be on or off.</source>
        <translation>Только вкл. или выкл.</translation>
    </message>
    <message>
        <source>Currency must be a three-letter code such as EUR or USD.</source>
        <translation>Валюта — трёхбуквенный код, например BYN или EUR.</translation>
    </message>
    <message>
        <source>This percentage</source>
        <translation>Процент</translation>
    </message>
    <message>
        <source>The cash drawer</source>
        <translation>Касса</translation>
    </message>
    <message>
        <source>The default cash drawer must be an active cash drawer.</source>
        <translation>Касса по умолчанию должна быть действующей.</translation>
    </message>
    <message>
        <source>Choose one of: {options}.</source>
        <translation>Выберите одно из: {options}.</translation>
    </message>
    <message>
        <source>An offset</source>
        <translation>Сдвиг</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>Название организации</translation>
    </message>
    <message>
        <source>Invoice prefix</source>
        <translation>Префикс номера счёта</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Минуты</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Адрес отправителя</translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation>Сколько копий хранить</translation>
    </message>
    <message>
        <source>There is no setting called {key}.</source>
        <translation>Настройки «{key}» нет.</translation>
    </message>
    <message>
        <source>The logo</source>
        <translation>Логотип</translation>
    </message>
    <message>
        <source>The reminder subject</source>
        <translation>Тема напоминания</translation>
    </message>
    <message>
        <source>The reminder text</source>
        <translation>Текст напоминания</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Ресепшен</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>Взрослый</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Ребёнок</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Студент</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Явка</translation>
    </message>
    <message>
        <source>Absent without notice</source>
        <translation>Неявка без предупреждения</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>Пропуск по уважительной причине</translation>
    </message>
    <message>
        <source>Sick</source>
        <translation>Болезнь</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>Пробное занятие</translation>
    </message>
    <message>
        <source>Makeup</source>
        <translation>Отработка</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Серебряный</translation>
    </message>
    <message>
        <source>Gym floor at any time. Billed monthly.</source>
        <translation>Тренажёрный зал в любое время. Оплата помесячно.</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Золотой</translation>
    </message>
    <message>
        <source>Gym floor and group classes; 5% off lesson packs and credits.</source>
        <translation>Тренажёрный зал и групповые занятия; скидка 5% на абонементы на занятия и пакеты услуг.</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>Платиновый</translation>
    </message>
    <message>
        <source>Everything for a year; 10% off lesson packs and credits.</source>
        <translation>Всё включено на год; скидка 10% на абонементы на занятия и пакеты услуг.</translation>
    </message>
    <message>
        <source>This database is already set up; sign in instead.</source>
        <translation>Эта база уже настроена; войдите в неё.</translation>
    </message>
    <message>
        <source>A membership that is {status} cannot be renewed.</source>
        <translation>Абонемент со статусом «{status}» продлить нельзя.</translation>
    </message>
    <message>
        <source>A membership that is {status} cannot be frozen.</source>
        <translation>Абонемент со статусом «{status}» заморозить нельзя.</translation>
    </message>
    <message>
        <source>A membership that is {status} cannot be resumed.</source>
        <translation>Абонемент со статусом «{status}» возобновить нельзя.</translation>
    </message>
    <message>
        <source>A membership that is {status} cannot be cancelled.</source>
        <translation>Абонемент со статусом «{status}» отменить нельзя.</translation>
    </message>
    <message>
        <source>A membership that is {status} cannot be deleted.</source>
        <translation>Абонемент со статусом «{status}» удалить нельзя.</translation>
    </message>
    <message>
        <source>A membership that is {status} cannot be used for a check-in.</source>
        <translation>По абонементу со статусом «{status}» вход не отмечают.</translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>ещё не начался</translation>
    </message>
    <message>
        <source>active</source>
        <translation>действует</translation>
    </message>
    <message>
        <source>in grace</source>
        <translation>льготный период</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>заморожен</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>истёк</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>The file&apos;s text encoding is not UTF-8 or Windows-1251.</source>
        <translation>Кодировка текста файла — не UTF-8 и не Windows-1251.</translation>
    </message>
    <message>
        <source>“{text}” is not a date like 2016-05-31 or 31.05.2016.</source>
        <translation>«{text}» — не дата вида 2016-05-31 или 31.05.2016.</translation>
    </message>
    <message>
        <source>Export to a .csv or .xlsx file.</source>
        <translation>Выгружайте в файл .csv или .xlsx.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>The file contains NUL bytes: it is not a text (CSV) file.</source>
        <translation>В файле есть нулевые байты: это не текстовый (CSV) файл.</translation>
    </message>
    <message>
        <source>The file is larger than 20 MB.</source>
        <translation>Файл больше 20 МБ.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Файл пуст.</translation>
    </message>
    <message>
        <source>The file has more than {most} rows; split it.</source>
        <translation>В файле больше {most} строк; разделите его.</translation>
    </message>
    <message>
        <source>Choose which column holds the names.</source>
        <translation>Выберите столбец с именами.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Файл не читается.</translation>
    </message>
    <message>
        <source>There is no category “{category}”.</source>
        <translation>Категории «{category}» нет.</translation>
    </message>
    <message>
        <source>The file is not a readable XLSX workbook.</source>
        <translation>Файл — не читаемая книга XLSX.</translation>
    </message>
    <message>
        <source>The file is not valid CSV ({problem}); check for an unterminated quote.</source>
        <translation>Файл — некорректный CSV ({problem}); проверьте, не осталась ли незакрытая кавычка.</translation>
    </message>
    <message>
        <source>A cell is longer than {most} characters.</source>
        <translation>Ячейка длиннее {most} символов.</translation>
    </message>
    <message>
        <source>Line {line}: {problem} Nothing was imported.</source>
        <translation>Строка {line}: {problem} Ничего не загружено.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Неверное имя пользователя или пароль.</translation>
    </message>
    <message>
        <source>The password needs at least {least} characters.</source>
        <translation>В пароле должно быть не меньше {least} символов.</translation>
    </message>
    <message>
        <source>The password is too long.</source>
        <translation>Пароль слишком длинный.</translation>
    </message>
    <message>
        <source>A user name cannot contain spaces.</source>
        <translation>В имени пользователя не может быть пробелов.</translation>
    </message>
    <message>
        <source>This database has no owner account yet.</source>
        <translation>В этой базе ещё нет учётной записи владельца.</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>Выберите роль.</translation>
    </message>
    <message>
        <source>There is already a user called {name}.</source>
        <translation>Пользователь {name} уже есть.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <source>{name} is the last active owner: make another user an owner first.</source>
        <translation>{name} — последний действующий владелец: сначала сделайте владельцем другого пользователя.</translation>
    </message>
    <message>
        <source>You cannot switch off your own account.</source>
        <translation>Нельзя отключить свою учётную запись.</translation>
    </message>
    <message>
        <source>Active must be on or off.</source>
        <translation>«Действует» — только вкл. или выкл.</translation>
    </message>
    <message>
        <source>You cannot change your own role; ask another owner.</source>
        <translation>Свою роль изменить нельзя; попросите другого владельца.</translation>
    </message>
    <message>
        <source>Change your own password with File › Change password…; it asks for the old one.</source>
        <translation>Свой пароль меняйте через Файл › Сменить пароль…: там спрашивается старый.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Текущий пароль неверен.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: try again in {seconds} s.</source>
        <translation>Слишком много неверных паролей: попробуйте снова через {seconds} с.</translation>
    </message>
    <message>
        <source>This account is switched off. Ask the owner.</source>
        <translation>Эта учётная запись отключена. Обратитесь к владельцу.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Another computer saved this record at the same moment, so nothing was saved here. Open it again to see what is saved now.</source>
        <translation>Другой компьютер сохранил эту запись в тот же момент, поэтому здесь ничего не сохранено. Откройте её снова, чтобы увидеть, что сохранено сейчас.</translation>
    </message>
    <message>
        <source>This client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>This package</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <source>This group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>This user</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>A setting on this page</source>
        <translation>Настройка на этой странице</translation>
    </message>
    <message>
        <source>{what} was changed by {who} at {when} meanwhile, so your change was not saved. The form now shows the saved values: make your change again if it is still needed.</source>
        <translation>{what}: тем временем изменения сохранил(а) {who} ({when}), поэтому ваше изменение не сохранено. В форме теперь сохранённые значения: если изменение ещё нужно, внесите его снова.</translation>
    </message>
    <message>
        <source>{what} was changed by {who} meanwhile, so your change was not saved. The form now shows the saved values: make your change again if it is still needed.</source>
        <translation>{what}: тем временем изменения сохранил(а) {who}, поэтому ваше изменение не сохранено. В форме теперь сохранённые значения: если изменение ещё нужно, внесите его снова.</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>другой пользователь</translation>
    </message>
    <message>
        <source>the desk itself</source>
        <translation>сама программа</translation>
    </message>
    <message>
        <source>The database file {file} has damaged pages. Restore a backup.</source>
        <translation>В файле базы данных {file} повреждены страницы. Восстановите резервную копию.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was saved.</source>
        <translation>Отменено: ничего не сохранено.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>Заполните поле «{label}».</translation>
    </message>
    <message>
        <source>{label} contains a broken character (half of a pair): type it again.</source>
        <translation>В поле «{label}» испорченный символ (половина пары): введите текст заново.</translation>
    </message>
    <message>
        <source>{label} contains characters that cannot be stored.</source>
        <translation>В поле «{label}» есть символы, которые нельзя сохранить.</translation>
    </message>
    <message>
        <source>{label} is too long ({length} characters; at most {most}).</source>
        <translation>Поле «{label}» слишком длинное (символов: {length}; можно не больше {most}).</translation>
    </message>
    <message>
        <source>{label} must be on one line.</source>
        <translation>Поле «{label}» должно быть в одну строку.</translation>
    </message>
    <message>
        <source>{label} contains a hidden character that changes the writing direction: type it again without it.</source>
        <translation>В поле «{label}» скрытый символ, меняющий направление письма: введите текст заново без него.</translation>
    </message>
    <message>
        <source>{label} cannot be negative.</source>
        <translation>Поле «{label}» не может быть отрицательным.</translation>
    </message>
    <message>
        <source>{label} is too large.</source>
        <translation>Поле «{label}»: слишком большое значение.</translation>
    </message>
    <message>
        <source>{label} must be between 0 and 100.</source>
        <translation>Поле «{label}» должно быть от 0 до 100.</translation>
    </message>
    <message>
        <source>{label} must be between {minimum} and {maximum}.</source>
        <translation>Поле «{label}» должно быть от {minimum} до {maximum}.</translation>
    </message>
    <message>
        <source>{label} must be a date.</source>
        <translation>В поле «{label}» должна быть дата.</translation>
    </message>
    <message>
        <source>{label} must be between {first} and {last}.</source>
        <translation>Поле «{label}»: год должен быть от {first} до {last}.</translation>
    </message>
    <message>
        <source>{label} does not look like an email address.</source>
        <translation>Поле «{label}» не похоже на адрес электронной почты.</translation>
    </message>
    <message>
        <source>{label} must be a colour like #33aa55.</source>
        <translation>В поле «{label}» должен быть цвет, например #33aa55.</translation>
    </message>
    <message>
        <source>{label} must be an amount like {example}.</source>
        <translation>В поле «{label}» должна быть сумма, например {example}.</translation>
    </message>
    <message>
        <source>{label} must be more than zero.</source>
        <translation>Поле «{label}» должно быть больше нуля.</translation>
    </message>
    <message>
        <source>{label} must be a percentage like 10 or 12.5.</source>
        <translation>В поле «{label}» должен быть процент, например 10 или 12.5.</translation>
    </message>
    <message>
        <source>{label} must be a whole number.</source>
        <translation>В поле «{label}» должно быть целое число.</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Not done</source>
        <translation>Не выполнено</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <source>Not shown</source>
        <translation>Не показано</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <source>New package</source>
        <translation>Новый пакет</translation>
    </message>
    <message>
        <source>Edit package</source>
        <translation>Изменение пакета</translation>
    </message>
    <message>
        <source>Can be sold</source>
        <translation>В продаже</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— выберите —</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>Срок действия</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Программа</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Занятия</translation>
    </message>
    <message>
        <source>Member discount %</source>
        <translation>Скидка члена клуба, %</translation>
    </message>
    <message>
        <source>Included credits</source>
        <translation>Баллы в пакете</translation>
    </message>
    <message>
        <source>Recurring services</source>
        <translation>Регулярные услуги</translation>
    </message>
</context>
<context>
    <name>PackagesScreen</name>
    <message>
        <source>Packages</source>
        <translation>Пакеты</translation>
    </message>
    <message>
        <source>What is sold</source>
        <translation>Что продаётся</translation>
    </message>
    <message>
        <source>Programs and groups</source>
        <translation>Программы и группы</translation>
    </message>
    <message>
        <source>New package…</source>
        <translation>Новый пакет…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Снять с продажи</translation>
    </message>
    <message>
        <source>Changing a package changes future sales only; past sales keep what was sold.</source>
        <translation>Изменения пакета касаются только будущих продаж; прошлые продажи остаются как были.</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Вернуть в продажу</translation>
    </message>
    <message>
        <source>{name} can no longer be sold</source>
        <translation>{name} снят с продажи</translation>
    </message>
    <message>
        <source>{name} is on sale again</source>
        <translation>{name} снова в продаже</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change your password</source>
        <translation>Смена пароля</translation>
    </message>
    <message>
        <source>New password for {name}</source>
        <translation>Новый пароль: {name}</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Текущий пароль</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Новый пароль</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Повтор нового пароля</translation>
    </message>
    <message>
        <source>Your password is changed</source>
        <translation>Пароль изменён</translation>
    </message>
    <message>
        <source>New password set for {name}</source>
        <translation>Новый пароль задан: {name}</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment for invoice {number}</source>
        <translation>Оплата счёта {number}</translation>
    </message>
    <message>
        <source>{client} · total {total} · paid {paid} · due {due}</source>
        <translation>{client} · итого {total} · оплачено {paid} · к оплате {due}</translation>
    </message>
    <message>
        <source>No cash drawer</source>
        <translation>Без кассы</translation>
    </message>
    <message>
        <source>Receipt, transfer or cheque number (optional)</source>
        <translation>Номер чека, перевода или квитанции (необязательно)</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Приложить файл…</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Касса</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Номер документа</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Take payment</source>
        <translation>Принять оплату</translation>
    </message>
    <message>
        <source>Skip: pay later</source>
        <translation>Пропустить: оплата позже</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Приложить файлы</translation>
    </message>
    <message>
        <source>Payment of {amount} taken</source>
        <translation>Оплата {amount} принята</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Open in another program</source>
        <translation>Открыть в другой программе</translation>
    </message>
    <message>
        <source>No PDF viewer</source>
        <translation>Нет программы для PDF</translation>
    </message>
    <message>
        <source>No program to open PDF files is installed on this computer. The preview here shows the same file, and Print… prints it. It is saved at {path}.</source>
        <translation>На этом компьютере нет программы для открытия PDF. Здесь показан тот же файл, «Печать…» печатает его. Он сохранён: {path}.</translation>
    </message>
</context>
<context>
    <name>ProgramDialog</name>
    <message>
        <source>Program</source>
        <translation>Программа</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Base lesson price</source>
        <translation>Базовая цена занятия</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
</context>
<context>
    <name>ProgramsPanel</name>
    <message>
        <source>New program…</source>
        <translation>Новая программа…</translation>
    </message>
    <message>
        <source>Edit program…</source>
        <translation>Изменить программу…</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>Новая группа…</translation>
    </message>
    <message>
        <source>Group and its clients…</source>
        <translation>Группа и её клиенты…</translation>
    </message>
</context>
<context>
    <name>ProgressShown</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Остановка…</translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <source>Export clients</source>
        <translation>Экспорт клиентов</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</source>
        <translation>Книга Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting clients</source>
        <translation>Экспорт клиентов</translation>
    </message>
    <message>
        <source>{n} clients exported to {file}</source>
        <translation>Клиентов выгружено: {n}, файл {file}</translation>
    </message>
    <message>
        <source>Save member cards</source>
        <translation>Сохранить карты клиентов</translation>
    </message>
    <message>
        <source>Making member cards</source>
        <translation>Подготовка карт клиентов</translation>
    </message>
    <message>
        <source>Member cards saved to {file}</source>
        <translation>Карты клиентов сохранены: {file}</translation>
    </message>
    <message>
        <source>Sale {number} saved, {paid} paid</source>
        <translation>Продажа {number} сохранена, оплачено {paid}</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>The database cannot be opened</source>
        <translation>Не удаётся открыть базу данных</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>Выбрать другой файл…</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Восстановить из копии…</translation>
    </message>
    <message>
        <source>Create a new database here</source>
        <translation>Создать здесь новую базу</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation>Открыть базу данных</translation>
    </message>
    <message>
        <source>Desk database (*.sqlite3 *.db)</source>
        <translation>База стойки (*.sqlite3 *.db)</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>Не восстановлено</translation>
    </message>
    <message>
        <source>Create a new, empty database there, or open the right file.</source>
        <translation>Создайте там новую пустую базу или откройте нужный файл.</translation>
    </message>
    <message>
        <source>Nothing was changed. Restore one of the automatic backups to continue.</source>
        <translation>Ничего не изменено. Чтобы продолжить, восстановите одну из автоматических копий.</translation>
    </message>
    <message>
        <source>Nothing was changed. Use the newer program, or restore a backup.</source>
        <translation>Ничего не изменено. Используйте более новую версию программы или восстановите копию.</translation>
    </message>
    <message>
        <source>Another program holds the file. Close it, then try again.</source>
        <translation>Файл занят другой программой. Закройте её и повторите.</translation>
    </message>
    <message>
        <source>Move the file to a folder you can write to, or open another file.</source>
        <translation>Переместите файл в папку, доступную для записи, или откройте другой файл.</translation>
    </message>
    <message>
        <source>Check the file&apos;s permissions, or open another file.</source>
        <translation>Проверьте права доступа к файлу или откройте другой файл.</translation>
    </message>
    <message>
        <source>Check the network and the server, then try again.</source>
        <translation>Проверьте сеть и сервер, затем повторите.</translation>
    </message>
    <message>
        <source>Nothing was opened. Copy the file to this PC, or use a PostgreSQL server.</source>
        <translation>Ничего не открыто. Скопируйте файл на этот компьютер или используйте сервер PostgreSQL.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Not done</source>
        <translation>Не выполнено</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n неделя</numerusform>
            <numerusform>%n недели</numerusform>
            <numerusform>%n недель</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n месяц</numerusform>
            <numerusform>%n месяца</numerusform>
            <numerusform>%n месяцев</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n год</numerusform>
            <numerusform>%n года</numerusform>
            <numerusform>%n лет</numerusform>
        </translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Что-то пошло не так</translation>
    </message>
    <message>
        <source>This is a bug in the program. Nothing of this action was saved.
The details are in {log} for the support team.</source>
        <translation>Это ошибка программы. Ничего из этого действия не сохранено.
Подробности для службы поддержки — в {log}.</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Владелец</translation>
    </message>
    <message>
        <source>Receptionist</source>
        <translation>Администратор</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Педагог</translation>
    </message>
</context>
<context>
    <name>QWidget</name>
    <message>
        <source>{name} saved</source>
        <translation>{name}: сохранено</translation>
    </message>
    <message>
        <source>Sending the invoice to {to}</source>
        <translation>Отправка счёта на {to}</translation>
    </message>
    <message>
        <source>Invoice {number} sent to {to}</source>
        <translation>Счёт {number} отправлен на {to}</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>{amount} paid on it is paid back today (a refund with a credit note). The payments stay on their days.</source>
        <translation>Оплаченные по нему {amount} возвращаются сегодня (возврат с кредит-нотой). Оплаты остаются в своих днях.</translation>
    </message>
    <message>
        <source>No cash drawer</source>
        <translation>Без кассы</translation>
    </message>
    <message>
        <source>Paid back by</source>
        <translation>Способ возврата</translation>
    </message>
    <message>
        <source>From cash drawer</source>
        <translation>Из кассы</translation>
    </message>
    <message>
        <source>Pay back and void</source>
        <translation>Вернуть и аннулировать</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Аннулировать</translation>
    </message>
</context>
<context>
    <name>RemindersPage</name>
    <message>
        <source>Reminders</source>
        <translation>Напоминания</translation>
    </message>
    <message>
        <source>Email all…</source>
        <translation>Отправить всем…</translation>
    </message>
    <message>
        <source>No phone and no email: listed apart, to be reached another way</source>
        <translation>Без телефона и почты: отдельным списком, связаться иначе</translation>
    </message>
    <message>
        <source>Reading the reminders due</source>
        <translation>Подбор напоминаний</translation>
    </message>
    <message>
        <source>{due} due today ({offsets}); {emails} with an email address.</source>
        <translation>На сегодня: {due} ({offsets}); с адресом почты: {emails}.</translation>
    </message>
    <message>
        <source>Email all</source>
        <translation>Отправить всем</translation>
    </message>
    <message>
        <source>Send the reminder email to {count} clients now?</source>
        <translation>Отправить напоминание клиентам ({count}) сейчас?</translation>
    </message>
    <message>
        <source>Emailing {count} reminders</source>
        <translation>Отправка напоминаний: {count}</translation>
    </message>
    <message>
        <source>Reminders: {sent} sent, {other} not sent</source>
        <translation>Напоминания: отправлено {sent}, не отправлено {other}</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Не отправлено</translation>
    </message>
    <message>
        <source>Cancel was pressed before it was sent</source>
        <translation>Нажата отмена до отправки</translation>
    </message>
    <message>
        <source>Already sent from another PC meanwhile</source>
        <translation>Уже отправлено с другого компьютера</translation>
    </message>
    <message>
        <source>Email results: {sent} sent and recorded; {other} not sent, still due</source>
        <translation>Итог рассылки: отправлено и записано {sent}; не отправлено {other}, ещё нужно</translation>
    </message>
</context>
<context>
    <name>ReportFiles</name>
    <message>
        <source>Save report as PDF</source>
        <translation>Сохранить отчёт в PDF</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Экспорт отчёта</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Книга Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saving {title}</source>
        <translation>Сохранение: {title}</translation>
    </message>
    <message>
        <source>{title} saved to {file}</source>
        <translation>{title} сохранено: {file}</translation>
    </message>
    <message>
        <source>Export {title}</source>
        <translation>Экспорт: {title}</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</source>
        <translation>Книга Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting {title}</source>
        <translation>Экспорт: {title}</translation>
    </message>
    <message>
        <source>{n} rows exported to {file}</source>
        <translation>Строк выгружено: {n}, файл {file}</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>{title}: {total}</source>
        <translation>{title}: {total}</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <source>Choose the filters and press Show.</source>
        <translation>Выберите фильтры и нажмите «Показать».</translation>
    </message>
    <message>
        <source>Sorting the report</source>
        <translation>Сортировка отчёта</translation>
    </message>
    <message>
        <source>Making {title}</source>
        <translation>Подготовка: {title}</translation>
    </message>
    <message>
        <source>Stopped: the report was not made. Press Show to make it.</source>
        <translation>Остановлено: отчёт не сформирован. Нажмите «Показать», чтобы сформировать его.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>{title} ({count})</source>
        <translation>{title} ({count})</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>Day takings</source>
        <translation>Выручка за день</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Напоминания</translation>
    </message>
</context>
<context>
    <name>Reschedule</name>
    <message>
        <source>Reschedule</source>
        <translation>Перенос</translation>
    </message>
    <message>
        <source>{service} of {client}: a new date within {start} – {end}</source>
        <translation>{service} ({client}): новая дата в пределах {start} – {end}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>Восстановление из копии</translation>
    </message>
    <message>
        <source>The current data is backed up first, then replaced by the copy you choose. Everything entered after that copy was made is in the backup of the current data.</source>
        <translation>Сначала сохраняется копия текущих данных, затем они заменяются выбранной копией. Всё, что введено после её создания, останется в копии текущих данных.</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>ежедневная</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Создать копию сейчас</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>перед обновлением</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>перед восстановлением</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>не читается</translation>
    </message>
    <message>
        <source>There are no backups of this database yet.</source>
        <translation>Копий этой базы пока нет.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Replace the current data with the copy made {made}? The current data is backed up first.</source>
        <translation>Заменить текущие данные копией от {made}? Сначала будет сохранена копия текущих данных.</translation>
    </message>
</context>
<context>
    <name>SaleDialog</name>
    <message>
        <source>Renew membership</source>
        <translation>Продление абонемента</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Продажа</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Optional; the package&apos;s description by default</source>
        <translation>Необязательно; по умолчанию — описание пакета</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Дата начала</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Дата окончания</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Extra discount</source>
        <translation>Доп. скидка</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Счёт</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Save and take payment</source>
        <translation>Сохранить и принять оплату</translation>
    </message>
    <message>
        <source>No client chosen</source>
        <translation>Клиент не выбран</translation>
    </message>
    <message>
        <source>Sell to</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <source>Tax {rate}%: {tax}</source>
        <translation>Налог {rate}%: {tax}</translation>
    </message>
    <message>
        <source>Choose a client first.</source>
        <translation>Сначала выберите клиента.</translation>
    </message>
    <message>
        <source>Already a member</source>
        <translation>Абонемент уже есть</translation>
    </message>
    <message>
        <source>Renew the current membership now?</source>
        <translation>Продлить текущий абонемент сейчас?</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>This PC works on: {where}</source>
        <translation>Этот компьютер работает с: {where}</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Адрес сервера</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Проверить подключение</translation>
    </message>
    <message>
        <source>Open this server from the next start</source>
        <translation>Открывать этот сервер со следующего запуска</translation>
    </message>
    <message>
        <source>Trying the server…</source>
        <translation>Подключение к серверу…</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>Проверка подключения</translation>
    </message>
    <message>
        <source>This PC opens the server from its next start</source>
        <translation>Этот компьютер откроет сервер при следующем запуске</translation>
    </message>
</context>
<context>
    <name>ServicesEditor</name>
    <message>
        <source>Service name</source>
        <translation>Название услуги</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Еженедельно</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Ежемесячно</translation>
    </message>
    <message>
        <source>every </source>
        <translation>каждые </translation>
    </message>
    <message>
        <source> wk</source>
        <translation> нед.</translation>
    </message>
    <message>
        <source>day </source>
        <translation>день </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Настройки сохранены</translation>
    </message>
    <message>
        <source>Saved. The new language takes effect after a restart.</source>
        <translation>Сохранено. Новый язык вступит в силу после перезапуска.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
</context>
<context>
    <name>StatusMenu</name>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>{reason} Nothing was saved or read.</source>
        <translation>{reason} Ничего не сохранено и не прочитано.</translation>
    </message>
    <message>
        <source>The database file has damaged pages, so this was not read or saved. Restore a backup (File › Restore a backup…).</source>
        <translation>В файле базы данных повреждены страницы, поэтому это не прочитано и не сохранено. Восстановите резервную копию (Файл › Восстановить из копии…).</translation>
    </message>
    <message>
        <source>The database server cannot be reached, so nothing was saved or read. Check the network and that the server runs; the desk catches up by itself once it is back.</source>
        <translation>Сервер базы данных недоступен, поэтому ничего не сохранено и не прочитано. Проверьте сеть и что сервер работает; когда он вернётся, программа сама всё наверстает.</translation>
    </message>
    <message>
        <source>Another computer is saving right now. Please try again in a moment.</source>
        <translation>Сейчас сохраняет другой компьютер. Попробуйте ещё раз через мгновение.</translation>
    </message>
    <message>
        <source>The disk is full or failing, so nothing was saved. Free some space and try again.</source>
        <translation>Диск заполнен или неисправен, поэтому ничего не сохранено. Освободите место и попробуйте снова.</translation>
    </message>
    <message>
        <source>The database is read-only, so nothing was saved.</source>
        <translation>База данных открыта только для чтения, поэтому ничего не сохранено.</translation>
    </message>
</context>
<context>
    <name>TakingsPage</name>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation>Итого: {amount}</translation>
    </message>
    <message>
        <source>(paid back: {amount})</source>
        <translation>(возвращено: {amount})</translation>
    </message>
    <message>
        <source>Save takings</source>
        <translation>Сохранить выручку</translation>
    </message>
    <message>
        <source>Takings saved to {file}</source>
        <translation>Выручка сохранена: {file}</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Абонемент</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Marked</source>
        <translation>Отмечено</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Find, add and edit clients and families.</source>
        <translation>Поиск, добавление и изменение клиентов и семей.</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Пакеты</translation>
    </message>
    <message>
        <source>Memberships, lesson packs and credit bundles for sale.</source>
        <translation>Абонементы, пакеты занятий и пакеты баллов для продажи.</translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation>Абонементы</translation>
    </message>
    <message>
        <source>Sales, renewals, freezes, invoices and payments.</source>
        <translation>Продажи, продления, заморозки, счета и оплаты.</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <source>Attendance of your groups, lesson by lesson.</source>
        <translation>Посещаемость ваших групп по занятиям.</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Баллы</translation>
    </message>
    <message>
        <source>Credit balances, top-ups and use.</source>
        <translation>Остатки баллов, пополнения и списания.</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Расписание</translation>
    </message>
    <message>
        <source>The day&apos;s recurring services, marked done or missed.</source>
        <translation>Регулярные услуги на день: выполнено или пропущено.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>Takings, memberships, attendance and reminders.</source>
        <translation>Выручка, абонементы, посещаемость и напоминания.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Business profile, statuses, drawers, users and policies.</source>
        <translation>Организация, статусы, кассы, пользователи и правила.</translation>
    </message>
    <message>
        <source>Lesson pack</source>
        <translation>Пакет занятий</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Пакет</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>До</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Занятия</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Счёт</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>For</source>
        <translation>За что</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>К оплате</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Card code</source>
        <translation>Код карты</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Семья</translation>
    </message>
    <message>
        <source>Family payer</source>
        <translation>Плательщик семьи</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Законный представитель</translation>
    </message>
    <message>
        <source>Guardian&apos;s phone</source>
        <translation>Телефон представителя</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Итог</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Valid today</source>
        <translation>Действует сегодня</translation>
    </message>
    <message>
        <source>Soonest expiry</source>
        <translation>Ближайшее сгорание</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>Операция</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Баллы</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Остаток</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>К оплате</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <source>One-time</source>
        <translation>Разово</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Ежемесячно</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>Ежеквартально</translation>
    </message>
    <message>
        <source>Twice a year</source>
        <translation>Раз в полгода</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>Ежегодно</translation>
    </message>
    <message>
        <source>active</source>
        <translation>в продаже</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>не продаётся</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Программа</translation>
    </message>
    <message>
        <source>Member discount</source>
        <translation>Скидка члена клуба</translation>
    </message>
    <message>
        <source>days</source>
        <translation>дней</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>недель</translation>
    </message>
    <message>
        <source>months</source>
        <translation>месяцев</translation>
    </message>
    <message>
        <source>years</source>
        <translation>лет</translation>
    </message>
    <message>
        <source>Add a lesson time</source>
        <translation>Добавить время занятия</translation>
    </message>
    <message>
        <source>Lesson price</source>
        <translation>Цена занятия</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Педагог</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Зал</translation>
    </message>
    <message>
        <source>Mo</source>
        <translation>Пн</translation>
    </message>
    <message>
        <source>Tu</source>
        <translation>Вт</translation>
    </message>
    <message>
        <source>We</source>
        <translation>Ср</translation>
    </message>
    <message>
        <source>Th</source>
        <translation>Чт</translation>
    </message>
    <message>
        <source>Fr</source>
        <translation>Пт</translation>
    </message>
    <message>
        <source>Sa</source>
        <translation>Сб</translation>
    </message>
    <message>
        <source>Su</source>
        <translation>Вс</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>янв</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>фев</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>мар</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>апр</translation>
    </message>
    <message>
        <source>May</source>
        <translation>май</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>июн</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>июл</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>авг</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>сен</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>окт</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>ноя</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>дек</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Add credits</source>
        <translation>Добавить баллы</translation>
    </message>
    <message>
        <source>Add a recurring service</source>
        <translation>Добавить регулярную услугу</translation>
    </message>
    <message>
        <source>What ends</source>
        <translation>Что заканчивается</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Дата окончания</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Касса</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Оплаты</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Drawer</source>
        <translation>Касса</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Номер документа</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>Принял(а)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Аннулировать</translation>
    </message>
    <message>
        <source>Lesson packs</source>
        <translation>Пакеты занятий</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Действует</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Любой</translation>
    </message>
    <message>
        <source>Any client with a membership</source>
        <translation>Любой клиент с абонементом</translation>
    </message>
    <message>
        <source>Only current members</source>
        <translation>Только с действующим абонементом</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Организация</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>Название организации</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Логотип</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Tax rate %</source>
        <translation>Ставка налога, %</translation>
    </message>
    <message>
        <source>Invoice number prefix</source>
        <translation>Префикс номера счёта</translation>
    </message>
    <message>
        <source>Language (each user may choose their own: File › Language…)</source>
        <translation>Язык (каждый пользователь может выбрать свой: Файл › Язык…)</translation>
    </message>
    <message>
        <source>Save membership invoices as drafts to edit before issuing</source>
        <translation>Сохранять счета за абонементы черновиками, чтобы править перед выставлением</translation>
    </message>
    <message>
        <source>Memberships and attendance</source>
        <translation>Абонементы и посещения</translation>
    </message>
    <message>
        <source>Grace days after a membership ends</source>
        <translation>Льготных дней после окончания абонемента</translation>
    </message>
    <message>
        <source>Shortest freeze (days)</source>
        <translation>Минимальная заморозка (дней)</translation>
    </message>
    <message>
        <source>Longest freeze (days)</source>
        <translation>Максимальная заморозка (дней)</translation>
    </message>
    <message>
        <source>Freeze days a year at most</source>
        <translation>Не более дней заморозки в год</translation>
    </message>
    <message>
        <source>Who may check in</source>
        <translation>Кого пропускать</translation>
    </message>
    <message>
        <source>Ask before a second check-in within (minutes; 0: never)</source>
        <translation>Спрашивать о повторном входе в течение (минут; 0 — никогда)</translation>
    </message>
    <message>
        <source>Days to use a makeup lesson</source>
        <translation>Дней на отработку</translation>
    </message>
    <message>
        <source>Warn of credits expiring within (days)</source>
        <translation>Предупреждать о сгорании баллов за (дней)</translation>
    </message>
    <message>
        <source>Remind days before (+) or after (-) the end</source>
        <translation>Напоминать за (+) или через (-) дней от окончания</translation>
    </message>
    <message>
        <source>Sibling discount % (second and later children)</source>
        <translation>Скидка для братьев и сестёр, % (со второго ребёнка)</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>Сервер SMTP</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Адрес отправителя</translation>
    </message>
    <message>
        <source>Use TLS</source>
        <translation>Использовать TLS</translation>
    </message>
    <message>
        <source>Reminder email subject</source>
        <translation>Тема письма-напоминания</translation>
    </message>
    <message>
        <source>Reminder email text
with {client} {package}
{ends} {business} {items}</source>
        <translation>Текст напоминания
с {client} {package}
{ends} {business} {items}</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Резервные копии</translation>
    </message>
    <message>
        <source>Backup copies to keep</source>
        <translation>Хранить копий</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <source>Database server</source>
        <translation>Сервер базы данных</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Создана</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Продажи</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Ещё не начался</translation>
    </message>
    <message>
        <source>Grace</source>
        <translation>Льготный период</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Заморожен</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Истёк</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Наличные</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Банковский перевод</translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation>Чек</translation>
    </message>
    <message>
        <source>Card / online</source>
        <translation>Карта / онлайн</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>выставлен</translation>
    </message>
    <message>
        <source>void</source>
        <translation>аннулирован</translation>
    </message>
    <message>
        <source>unpaid</source>
        <translation>не оплачен</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>оплачен</translation>
    </message>
    <message>
        <source>partly paid</source>
        <translation>оплачен частично</translation>
    </message>
    <message>
        <source>Membership active.</source>
        <translation>Абонемент действует.</translation>
    </message>
    <message>
        <source>In grace: checked in. Please renew.</source>
        <translation>Льготный период: вход отмечен. Предложите продлить.</translation>
    </message>
    <message>
        <source>Frozen: no check-in until it resumes.</source>
        <translation>Заморожен: вход только после возобновления.</translation>
    </message>
    <message>
        <source>No membership: checked in (policy: anyone).</source>
        <translation>Нет абонемента: вход отмечен (правило: любой).</translation>
    </message>
    <message>
        <source>Expired: checked in (policy: any member).</source>
        <translation>Истёк: вход отмечен (правило: любой с абонементом).</translation>
    </message>
    <message>
        <source>The membership has expired.</source>
        <translation>Абонемент истёк.</translation>
    </message>
    <message>
        <source>The membership has not started yet.</source>
        <translation>Абонемент ещё не начался.</translation>
    </message>
    <message>
        <source>No membership.</source>
        <translation>Нет абонемента.</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>дубль</translation>
    </message>
    <message>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>Attendance statuses</source>
        <translation>Статусы посещения</translation>
    </message>
    <message>
        <source>attendance status</source>
        <translation>статус посещения</translation>
    </message>
    <message>
        <source>Client categories</source>
        <translation>Категории клиентов</translation>
    </message>
    <message>
        <source>client category</source>
        <translation>категория клиентов</translation>
    </message>
    <message>
        <source>Cash drawers</source>
        <translation>Кассы</translation>
    </message>
    <message>
        <source>cash drawer</source>
        <translation>касса</translation>
    </message>
    <message>
        <source>Credit types</source>
        <translation>Виды баллов</translation>
    </message>
    <message>
        <source>credit type</source>
        <translation>вид баллов</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Буква</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
    <message>
        <source>Charges a lesson</source>
        <translation>Списывает занятие</translation>
    </message>
    <message>
        <source>Gives a makeup</source>
        <translation>Даёт отработку</translation>
    </message>
    <message>
        <source>Uses a makeup</source>
        <translation>Использует отработку</translation>
    </message>
    <message>
        <source>May attend lessons</source>
        <translation>Может посещать занятия</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Единица</translation>
    </message>
    <message>
        <source>Used at check-in</source>
        <translation>Списываются при входе</translation>
    </message>
    <message>
        <source>Low balance at</source>
        <translation>Мало при остатке</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что сделано</translation>
    </message>
</context>
<context>
    <name>UseDialog</name>
    <message>
        <source>Use credits</source>
        <translation>Списание баллов</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>{n}   {name}: {left} left, soonest until {until}</source>
        <translation>{n}   {name}: осталось {left}, ближайшие до {until}</translation>
    </message>
    <message>
        <source>Credit type</source>
        <translation>Вид баллов</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Баллы</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Press a type&apos;s number to record one unit at once; Save records the units set.</source>
        <translation>Нажмите номер вида, чтобы сразу списать одну единицу; «Сохранить» списывает указанное.</translation>
    </message>
    <message>
        <source>This client holds no credits valid today: top up first.</source>
        <translation>У клиента нет действующих баллов: сначала пополните.</translation>
    </message>
    <message>
        <source>Choose a credit type.</source>
        <translation>Выберите вид баллов.</translation>
    </message>
    <message>
        <source>{units} of {type} used; {left} left</source>
        <translation>Списано {units} ({type}); осталось {left}</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New user</source>
        <translation>Новый пользователь</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>User {username} added</source>
        <translation>Пользователь {username} добавлен</translation>
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <source>Change user {username}</source>
        <translation>Изменение пользователя {username}</translation>
    </message>
    <message>
        <source>May sign in</source>
        <translation>Может входить</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>User {username} saved</source>
        <translation>Пользователь {username} сохранён</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>switched off</source>
        <translation>отключён</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>Добавить пользователя…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Switch off / on</source>
        <translation>Отключить / включить</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Сбросить пароль…</translation>
    </message>
    <message>
        <source>{name} switched on</source>
        <translation>{name}: включён</translation>
    </message>
    <message>
        <source>{name} switched off</source>
        <translation>{name}: отключён</translation>
    </message>
</context>
</TS>
