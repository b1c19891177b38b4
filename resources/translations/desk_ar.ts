<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AgendaScreen</name>
    <message>
        <source>Agenda</source>
        <translation>جدول اليوم</translation>
    </message>
    <message>
        <source>The day before</source>
        <translation>اليوم السابق</translation>
    </message>
    <message>
        <source>The day after</source>
        <translation>اليوم التالي</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تم</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>فات</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>ملاحظة…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>تغيير الموعد…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>مخطط</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>ملغى</translation>
    </message>
    <message>
        <source> → {day}</source>
        <translation> → {day}</translation>
    </message>
    <message>
        <source> (from {day})</source>
        <translation> (من {day})</translation>
    </message>
    <message>
        <source>{when} {who}</source>
        <translation>{when} {who}</translation>
    </message>
    <message>
        <source>Nothing is due on this day.</source>
        <translation>لا شيء مستحق في هذا اليوم.</translation>
    </message>
    <message>
        <source>{n} due · {done} done</source>
        <translation>المستحق: {n} · المنجز: {done}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>تم</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>فات</translation>
    </message>
    <message>
        <source>{service} of {client} marked {state}</source>
        <translation>{service} ({client}): سُجّل «{state}»</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Note for {service} of {client}</source>
        <translation>ملاحظة: {service} ({client})</translation>
    </message>
    <message>
        <source>Note saved</source>
        <translation>حُفظت الملاحظة</translation>
    </message>
    <message>
        <source>{service} of {client} moved to {day}</source>
        <translation>نُقل {service} ({client}) إلى {day}</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Backing up the data</source>
        <translation>نسخ البيانات احتياطيًا</translation>
    </message>
    <message>
        <source>Backup saved: {name}</source>
        <translation>حُفظت النسخة الاحتياطية: {name}</translation>
    </message>
    <message>
        <source>The backup failed</source>
        <translation>فشل النسخ الاحتياطي</translation>
    </message>
    <message>
        <source>Your work is saved as usual. Free some space or check the backups folder, then use File › Back up now.</source>
        <translation>عملك يُحفظ كالمعتاد. وفّر مساحة أو افحص مجلد النسخ، ثم استخدم ملف › نسخ احتياطي الآن.</translation>
    </message>
    <message>
        <source>Checking the database</source>
        <translation>فحص قاعدة البيانات</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>قاعدة البيانات تالفة</translation>
    </message>
    <message>
        <source>Ask the owner to restore the newest sound backup.</source>
        <translation>اطلب من المالك استعادة أحدث نسخة احتياطية سليمة.</translation>
    </message>
    <message>
        <source>Work saved from now on may be lost with the damaged pages. Restore the newest sound backup.</source>
        <translation>قد يضيع ما يُحفظ من الآن مع الصفحات التالفة. استعد أحدث نسخة احتياطية سليمة.</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>استعادة نسخة احتياطية…</translation>
    </message>
    <message>
        <source>Restoring the backup</source>
        <translation>استعادة النسخة الاحتياطية</translation>
    </message>
    <message>
        <source>Backup restored: {name}</source>
        <translation>استُعيدت النسخة: {name}</translation>
    </message>
</context>
<context>
    <name>BackupsNote</name>
    <message>
        <source>A checked copy of the database is made on start and daily into {folder} (File › Back up now makes one at once).</source>
        <translation>تُنشأ نسخة مفحوصة من قاعدة البيانات عند التشغيل ويوميًا في {folder} (ملف › نسخ احتياطي الآن ينشئ واحدة فورًا).</translation>
    </message>
    <message>
        <source>The database is on a server: this PC saves a copy of it with pg_dump on start and daily into {folder} (File › Back up now makes one at once).</source>
        <translation>قاعدة البيانات على خادم: يحفظ هذا الجهاز نسخة منها عبر pg_dump عند التشغيل ويوميًا في {folder} (ملف › نسخ احتياطي الآن ينشئ واحدة فورًا).</translation>
    </message>
    <message>
        <source>The database is on a server and pg_dump is not installed on this PC, so this PC makes no copies: the server&apos;s own backups apply. Ask whoever looks after the server how and when it is backed up.</source>
        <translation>قاعدة البيانات على خادم وأداة pg_dump غير مثبتة على هذا الجهاز، لذا لا ينشئ نسخًا: تُعتمد نسخ الخادم نفسه. اسأل المسؤول عن الخادم كيف ومتى تُنسخ.</translation>
    </message>
</context>
<context>
    <name>CardEdit</name>
    <message>
        <source>Change date…</source>
        <translation>تغيير التاريخ…</translation>
    </message>
</context>
<context>
    <name>CardFields</name>
    <message>
        <source>Description (what was agreed, a note)</source>
        <translation>الوصف (ما اتُّفق عليه، ملاحظة)</translation>
    </message>
    <message>
        <source>Cancelled: only the description can change.</source>
        <translation>ملغى: يمكن تغيير الوصف فقط.</translation>
    </message>
    <message>
        <source>Billed on invoice {number}: to bill another price, void the invoice and sell again.</source>
        <translation>مفوتر في الفاتورة {number}: لتغيير السعر ألغِ الفاتورة وبِع من جديد.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>until</source>
        <translation>حتى</translation>
    </message>
    <message>
        <source>price</source>
        <translation>السعر</translation>
    </message>
</context>
<context>
    <name>CardsPanel</name>
    <message>
        <source>Memberships and credits</source>
        <translation>الاشتراكات والرصيد</translation>
    </message>
    <message>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <source>No sales yet.</source>
        <translation>لا مبيعات بعد.</translation>
    </message>
    <message>
        <source>Unpaid visits</source>
        <translation>زيارات غير مدفوعة</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>لا شيء.</translation>
    </message>
    <message>
        <source>added by {who} on {when}</source>
        <translation>أضافه {who} في {when}</translation>
    </message>
    <message>
        <source>invoice {number}, {state}</source>
        <translation>الفاتورة {number}، {state}</translation>
    </message>
    <message>
        <source>total {total}</source>
        <translation>الإجمالي {total}</translation>
    </message>
    <message>
        <source>{used}/{size} lessons · {each} a lesson · </source>
        <translation>الحصص {used}/{size} · {each} للحصة · </translation>
    </message>
    <message>
        <source>the unpaid visits</source>
        <translation>الزيارات غير المدفوعة</translation>
    </message>
    <message>
        <source>this card</source>
        <translation>هذه البطاقة</translation>
    </message>
    <message>
        <source>Move the lesson</source>
        <translation>نقل الحصة</translation>
    </message>
    <message>
        <source>Move this visit to {where}?</source>
        <translation>نقل هذه الزيارة إلى {where}؟</translation>
    </message>
    <message>
        <source>Lesson moved</source>
        <translation>نُقلت الحصة</translation>
    </message>
    <message>
        <source>move a lesson</source>
        <translation>نقل حصة</translation>
    </message>
    <message>
        <source>Cards saved</source>
        <translation>حُفظت البطاقات</translation>
    </message>
    <message>
        <source>Date of the visit</source>
        <translation>تاريخ الزيارة</translation>
    </message>
</context>
<context>
    <name>CashDrawersPage</name>
    <message>
        <source>Make default</source>
        <translation>اجعله الافتراضي</translation>
    </message>
    <message>
        <source>default</source>
        <translation>افتراضي</translation>
    </message>
    <message>
        <source>{name} is now the default cash drawer</source>
        <translation>{name} هو الصندوق الافتراضي الآن</translation>
    </message>
</context>
<context>
    <name>CheckInAgainDialog</name>
    <message>
        <source>Checked in already</source>
        <translation>مسجّل الحضور مسبقًا</translation>
    </message>
    <message>
        <source>{name} was checked in {minutes} min ago. Record another visit?</source>
        <translation>سُجّل حضور {name} قبل {minutes} دقيقة. تسجيل زيارة أخرى؟</translation>
    </message>
</context>
<context>
    <name>CheckInBar</name>
    <message>
        <source>scan or type a card code</source>
        <translation>امسح رمز البطاقة أو اكتبه</translation>
    </message>
    <message>
        <source>Check in:</source>
        <translation>تسجيل الحضور:</translation>
    </message>
    <message>
        <source>Enter checks the card in; Ctrl+U records credit use (then the type&apos;s number).</source>
        <translation>Enter يسجّل الحضور؛ Ctrl+U يخصم من الرصيد (ثم رقم النوع).</translation>
    </message>
    <message>
        <source>{name} checked in</source>
        <translation>سُجّل حضور {name}</translation>
    </message>
    <message>
        <source>{name} not checked in</source>
        <translation>لم يُسجّل حضور {name}</translation>
    </message>
    <message>
        <source>Renew…</source>
        <translation>تجديد…</translation>
    </message>
    <message>
        <source>Sell…</source>
        <translation>بيع…</translation>
    </message>
    <message>
        <source>Not checked in again.</source>
        <translation>لم يُسجّل الحضور مرة أخرى.</translation>
    </message>
    <message>
        <source>Type or scan a client&apos;s card code first, then Ctrl+U.</source>
        <translation>اكتب رمز بطاقة العميل أو امسحه أولًا، ثم Ctrl+U.</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>New client</source>
        <translation>عميل جديد</translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation>تعديل العميل</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>غير مذكور</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>made automatically</source>
        <translation>يُنشأ تلقائيًا</translation>
    </message>
    <message>
        <source>Archived (hidden from the list)</source>
        <translation>مؤرشف (مخفي من القائمة)</translation>
    </message>
    <message>
        <source>Choose a picture…</source>
        <translation>اختر صورة…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>وليّ الأمر</translation>
    </message>
    <message>
        <source>Guardian&apos;s phone</source>
        <translation>هاتف وليّ الأمر</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>الصورة</translation>
    </message>
    <message>
        <source>Card code</source>
        <translation>رمز البطاقة</translation>
    </message>
    <message>
        <source>Replace the photo…</source>
        <translation>استبدال الصورة…</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>اختر صورة</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>صور (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Possibly the same person:&lt;/b&gt;{list}&lt;br&gt;Press Save again to save anyway.</source>
        <translation>&lt;b&gt;ربما هو الشخص نفسه:&lt;/b&gt;{list}&lt;br&gt;اضغط حفظ مرة أخرى للحفظ على أي حال.</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <source>Name, phone or card code</source>
        <translation>الاسم أو الهاتف أو رمز البطاقة</translation>
    </message>
    <message>
        <source>Find the client:</source>
        <translation>ابحث عن العميل:</translation>
    </message>
</context>
<context>
    <name>ClientProfile</name>
    <message>
        <source>← All clients</source>
        <translation>→ كل العملاء</translation>
    </message>
    <message>
        <source>Sell…</source>
        <translation>بيع…</translation>
    </message>
    <message>
        <source>Member card…</source>
        <translation>بطاقة العضوية…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>تعديل…</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>وليّ الأمر</translation>
    </message>
    <message>
        <source>Guardian&apos;s phone</source>
        <translation>هاتف وليّ الأمر</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>Photo…</source>
        <translation>الصورة…</translation>
    </message>
    <message>
        <source>Undo move</source>
        <translation>تراجع عن النقل</translation>
    </message>
    <message>
        <source>Edit cards</source>
        <translation>تعديل البطاقات</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Membership cards</source>
        <translation>بطاقات الاشتراك</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>المبيعات</translation>
    </message>
    <message>
        <source>Invoices and balance</source>
        <translation>الفواتير والمستحق</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>الرصيد</translation>
    </message>
    <message>
        <source>Credits ⚠</source>
        <translation>الرصيد ⚠</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <source>Discard the changes to the cards that are not saved?</source>
        <translation>تجاهل تغييرات البطاقات غير المحفوظة؟</translation>
    </message>
    <message>
        <source>Change dates, price or description under each card; click a visit to change its status or date. Save applies everything at once; Cancel returns to the last saved state.</source>
        <translation>غيّر التواريخ أو السعر أو الوصف أسفل كل بطاقة؛ انقر زيارة لتغيير حالتها أو تاريخها. «حفظ» يطبّق كل شيء دفعة واحدة؛ «إلغاء» يعيد آخر حالة محفوظة.</translation>
    </message>
    <message>
        <source>Drag a visit to another card or to the unpaid visits to move it.</source>
        <translation>اسحب الزيارة إلى بطاقة أخرى أو إلى الزيارات غير المدفوعة لنقلها.</translation>
    </message>
    <message>
        <source>  · archived</source>
        <translation>  · مؤرشف</translation>
    </message>
    <message>
        <source>No membership</source>
        <translation>بلا اشتراك</translation>
    </message>
    <message>
        <source>{package} · {status} until {end}</source>
        <translation>{package} · {status} حتى {end}</translation>
    </message>
    <message>
        <source>Balance due: {amount}</source>
        <translation>المستحق: {amount}</translation>
    </message>
    <message>
        <source>   ·   whole family: {amount}</source>
        <translation>   ·   العائلة كلها: {amount}</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>لا صورة</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>اختر صورة</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>صور (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>ClientsScreen</name>
    <message>
        <source>Clients</source>
        <translation>العملاء</translation>
    </message>
    <message>
        <source>Name, phone or card code</source>
        <translation>الاسم أو الهاتف أو رمز البطاقة</translation>
    </message>
    <message>
        <source>Type part of a name, phone or card code; a scanned card opens the client.</source>
        <translation>اكتب جزءًا من الاسم أو الهاتف أو رمز البطاقة؛ البطاقة الممسوحة تفتح العميل.</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>كل الفئات</translation>
    </message>
    <message>
        <source>Any membership</source>
        <translation>أي اشتراك</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>مؤرشف</translation>
    </message>
    <message>
        <source>Sell…</source>
        <translation>بيع…</translation>
    </message>
    <message>
        <source>Sell a package to the selected client</source>
        <translation>بيع باقة للعميل المحدد</translation>
    </message>
    <message>
        <source>New client…</source>
        <translation>عميل جديد…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>استيراد…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>Member cards…</source>
        <translation>بطاقات العضوية…</translation>
    </message>
    <message>
        <source>Member cards with QR codes for the clients listed, ten to an A4 page</source>
        <translation>بطاقات عضوية برموز QR للعملاء المعروضين، عشر في صفحة A4</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>عرض:</translation>
    </message>
    <message>
        <source>No clients yet: add one with New client…, or import a spreadsheet.</source>
        <translation>لا عملاء بعد: أضف عميلًا عبر «عميل جديد…» أو استورد جدولًا.</translation>
    </message>
    <message>
        <source>1 client</source>
        <translation>عميل واحد</translation>
    </message>
    <message>
        <source>{n} clients</source>
        <translation>العملاء: {n}</translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <source>Choose a colour</source>
        <translation>اختر لونًا</translation>
    </message>
</context>
<context>
    <name>CreditsPanel</name>
    <message>
        <source>Credit type</source>
        <translation>نوع الرصيد</translation>
    </message>
    <message>
        <source>Use credits…</source>
        <translation>خصم من الرصيد…</translation>
    </message>
    <message>
        <source>Undo use</source>
        <translation>تراجع عن الخصم</translation>
    </message>
    <message>
        <source>Top up…</source>
        <translation>شحن الرصيد…</translation>
    </message>
    <message>
        <source>Print statement…</source>
        <translation>طباعة كشف الحساب…</translation>
    </message>
    <message>
        <source>No credits yet. Top up… sells a credits package.</source>
        <translation>لا رصيد بعد. «شحن الرصيد…» يبيع باقة رصيد.</translation>
    </message>
    <message>
        <source>Granted: {package}, until {end}</source>
        <translation>مُنح: {package}، حتى {end}</translation>
    </message>
    <message>
        <source>Expired: what was left of {package} (until {end})</source>
        <translation>انتهى: ما تبقى من {package} (حتى {end})</translation>
    </message>
    <message>
        <source>Reversal of the use of {day}</source>
        <translation>إلغاء خصم {day}</translation>
    </message>
    <message>
        <source>Used at check-in</source>
        <translation>يُخصم عند الحضور</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>مستخدم</translation>
    </message>
    <message>
        <source>  (reversed)</source>
        <translation>  (أُلغي)</translation>
    </message>
    <message>
        <source>{name}: {available} valid today · used {used} · expired {expired} · granted {granted}</source>
        <translation>{name}: ساري اليوم {available} · مستخدم {used} · منتهٍ {expired} · ممنوح {granted}</translation>
    </message>
    <message>
        <source> · expires: {when}</source>
        <translation> · ينتهي: {when}</translation>
    </message>
    <message>
        <source>{units} on {day}</source>
        <translation>{units} في {day}</translation>
    </message>
    <message>
        <source>⚠ {name}: low balance, {left} left</source>
        <translation>⚠ {name}: رصيد منخفض، المتبقي {left}</translation>
    </message>
    <message>
        <source>⚠ {name}: {units} expire within {days} days (first on {first})</source>
        <translation>⚠ {name}: {units} تنتهي خلال {days} يوم (أولها في {first})</translation>
    </message>
    <message>
        <source>Reverse the use of {units} of {type} on {date}? Its units go back to the client.</source>
        <translation>إلغاء خصم {units} من {type} بتاريخ {date}؟ تعود الوحدات إلى العميل.</translation>
    </message>
    <message>
        <source>Use of {units} of {type} reversed</source>
        <translation>أُلغي خصم {units} من {type}</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>شحن الرصيد</translation>
    </message>
    <message>
        <source>No credits package is on sale: add one under Packages first.</source>
        <translation>لا توجد باقة رصيد معروضة للبيع: أضف واحدة في «الباقات» أولًا.</translation>
    </message>
    <message>
        <source>Save the credit statement</source>
        <translation>حفظ كشف الرصيد</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>لم يُحفظ</translation>
    </message>
    <message>
        <source>Statement saved to {path}</source>
        <translation>حُفظ الكشف في {path}</translation>
    </message>
</context>
<context>
    <name>CreditsScreen</name>
    <message>
        <source>Credits</source>
        <translation>الرصيد</translation>
    </message>
    <message>
        <source>Name, phone or card code</source>
        <translation>الاسم أو الهاتف أو رمز البطاقة</translation>
    </message>
    <message>
        <source>Type part of a name, phone or code; Enter on one client opens Use credits…</source>
        <translation>اكتب جزءًا من الاسم أو الهاتف أو الرمز؛ Enter على عميل يفتح «خصم من الرصيد…»</translation>
    </message>
    <message>
        <source>Use credits…</source>
        <translation>خصم من الرصيد…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>Nobody holds credits valid today. Top up from a client&apos;s profile.</source>
        <translation>لا أحد لديه رصيد ساري اليوم. اشحن الرصيد من ملف العميل.</translation>
    </message>
    <message>
        <source>1 client with credits</source>
        <translation>عميل واحد لديه رصيد</translation>
    </message>
    <message>
        <source>{n} clients with credits</source>
        <translation>عملاء لديهم رصيد: {n}</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>The dashboard&apos;s figures are not available in this version.</source>
        <translation>أرقام لوحة المؤشرات غير متاحة في هذا الإصدار.</translation>
    </message>
    <message>
        <source>Making the dashboard</source>
        <translation>إعداد لوحة المؤشرات</translation>
    </message>
</context>
<context>
    <name>DeskSession</name>
    <message>
        <source>The database cannot be opened</source>
        <translation>تعذّر فتح قاعدة البيانات</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>مسجّل الدخول: {name}</translation>
    </message>
</context>
<context>
    <name>DraftLines</name>
    <message>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>المبلغ</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>إضافة سطر</translation>
    </message>
    <message>
        <source>discount</source>
        <translation>خصم</translation>
    </message>
</context>
<context>
    <name>DropArea</name>
    <message>
        <source>Not moved</source>
        <translation>لم يُنقل</translation>
    </message>
    <message>
        <source>Only a visit chip can be dropped here.</source>
        <translation>يمكن إفلات زيارة فقط هنا.</translation>
    </message>
</context>
<context>
    <name>EditableRows</name>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
</context>
<context>
    <name>FamilyCard</name>
    <message>
        <source>Add member…</source>
        <translation>إضافة فرد…</translation>
    </message>
    <message>
        <source>Make payer</source>
        <translation>اجعله الدافع</translation>
    </message>
    <message>
        <source>Leave family</source>
        <translation>مغادرة العائلة</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>العائلة</translation>
    </message>
    <message>
        <source>Not in a family. Add a parent, child or sibling to group them under one payer.</source>
        <translation>ليس ضمن عائلة. أضف أحد الوالدين أو طفلًا أو أخًا لجمعهم تحت دافع واحد.</translation>
    </message>
    <message>
        <source>Family {name}</source>
        <translation>عائلة {name}</translation>
    </message>
    <message>
        <source>  · payer</source>
        <translation>  · الدافع</translation>
    </message>
    <message>
        <source>Add to the family</source>
        <translation>إضافة إلى العائلة</translation>
    </message>
</context>
<context>
    <name>FigureTile</name>
    <message>
        <source>(to date)</source>
        <translation>(حتى اليوم)</translation>
    </message>
    <message>
        <source>{value} of {whole}</source>
        <translation>{value} من {whole}</translation>
    </message>
    <message>
        <source>{change} against the same days of last month ({before})</source>
        <translation>{change} مقارنة بالأيام نفسها من الشهر الماضي ({before})</translation>
    </message>
    <message>
        <source>{change} against last month ({before})</source>
        <translation>{change} مقارنة بالشهر الماضي ({before})</translation>
    </message>
    <message>
        <source>Open the report</source>
        <translation>فتح التقرير</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>This month</source>
        <translation>هذا الشهر</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>الشهر الماضي</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>هذه السنة</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>من – إلى</translation>
    </message>
    <message>
        <source>Client: name or code</source>
        <translation>العميل: الاسم أو الرمز</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>أي حالة</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>لم يبدأ بعد</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>ساري</translation>
    </message>
    <message>
        <source>Grace</source>
        <translation>فترة سماح</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>مجمّد</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>منتهٍ</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>ملغى</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>كل الأنواع</translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation>الاشتراكات</translation>
    </message>
    <message>
        <source>Lesson packs</source>
        <translation>باقات الحصص</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>الرصيد</translation>
    </message>
    <message>
        <source> days</source>
        <translation> يوم</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>الفترة</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>خلال</translation>
    </message>
    <message>
        <source>All packages</source>
        <translation>كل الباقات</translation>
    </message>
    <message>
        <source>All credit types</source>
        <translation>كل أنواع الرصيد</translation>
    </message>
    <message>
        <source>All programs and groups</source>
        <translation>كل البرامج والمجموعات</translation>
    </message>
    <message>
        <source>No client matches “{typed}”.</source>
        <translation>لا يوجد عميل يطابق «{typed}».</translation>
    </message>
    <message>
        <source>Several clients match “{typed}”: type more of the name, or the code.</source>
        <translation>أكثر من عميل يطابق «{typed}»: اكتب جزءًا أطول من الاسم، أو الرمز.</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to the membership desk</source>
        <translation>مرحبًا بك في مكتب الاشتراكات</translation>
    </message>
    <message>
        <source>Let&apos;s set up your centre. You can change all of this later in Settings, except that this first account is the owner&apos;s.</source>
        <translation>لنُعدّ مركزك. يمكنك تغيير كل هذا لاحقًا من الإعدادات، عدا أن هذا الحساب الأول هو حساب المالك.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>اسم المنشأة</translation>
    </message>
    <message>
        <source>e.g. Sunny Kids Centre</source>
        <translation>مثال: مركز الشمس للأطفال</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>العملة</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>اسمك</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <source>used to sign in</source>
        <translation>لتسجيل الدخول</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>8 أحرف على الأقل</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>تكرار كلمة المرور</translation>
    </message>
    <message>
        <source>Create and start</source>
        <translation>إنشاء والبدء</translation>
    </message>
</context>
<context>
    <name>FreezeDialog</name>
    <message>
        <source>Freeze {package} of {client}</source>
        <translation>تجميد {package} ({client})</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>Until (included)</source>
        <translation>حتى (ضمنًا)</translation>
    </message>
    <message>
        <source>The membership&apos;s end date moves by the frozen days.</source>
        <translation>يتأخر تاريخ انتهاء الاشتراك بعدد أيام التجميد.</translation>
    </message>
    <message>
        <source>{package} of {client} frozen from {start} to {end}</source>
        <translation>جُمّد {package} ({client}) من {start} إلى {end}</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>Group</source>
        <translation>المجموعة</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— لا شيء —</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>بلا حد</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>المدرّب</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>القاعة</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>السعة</translation>
    </message>
    <message>
        <source>Lesson times</source>
        <translation>مواعيد الحصص</translation>
    </message>
    <message>
        <source>waiting list</source>
        <translation>قائمة الانتظار</translation>
    </message>
    <message>
        <source>Clients in this group</source>
        <translation>عملاء هذه المجموعة</translation>
    </message>
    <message>
        <source>Client code or name</source>
        <translation>رمز العميل أو اسمه</translation>
    </message>
    <message>
        <source>Add to group</source>
        <translation>إضافة إلى المجموعة</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>إزالة المحدد</translation>
    </message>
    <message>
        <source>Type a card code, or enough of a name to find one client.</source>
        <translation>اكتب رمز البطاقة أو ما يكفي من الاسم لإيجاد عميل واحد.</translation>
    </message>
</context>
<context>
    <name>GroupsCard</name>
    <message>
        <source>Groups</source>
        <translation>المجموعات</translation>
    </message>
    <message>
        <source>Enrol in a group…</source>
        <translation>تسجيل في مجموعة…</translation>
    </message>
    <message>
        <source>Not in any group.</source>
        <translation>غير مسجّل في أي مجموعة.</translation>
    </message>
    <message>
        <source>  (waiting list)</source>
        <translation>  (قائمة الانتظار)</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>مغادرة</translation>
    </message>
    <message>
        <source>No groups</source>
        <translation>لا مجموعات</translation>
    </message>
    <message>
        <source>The owner has not set up any groups yet.</source>
        <translation>لم يُنشئ المالك أي مجموعة بعد.</translation>
    </message>
    <message>
        <source>Enrol in a group</source>
        <translation>التسجيل في مجموعة</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>المجموعة:</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>قائمة الانتظار</translation>
    </message>
    <message>
        <source>The group is full: the client is on its waiting list.</source>
        <translation>المجموعة ممتلئة: العميل في قائمة الانتظار.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>The desk itself</source>
        <translation>البرنامج نفسه</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import clients</source>
        <translation>استيراد العملاء</translation>
    </message>
    <message>
        <source>A CSV or XLSX file saved from a spreadsheet</source>
        <translation>ملف CSV أو XLSX محفوظ من جدول بيانات</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>اختر ملفًا…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation>جداول بيانات (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Reading {name}</source>
        <translation>قراءة {name}</translation>
    </message>
    <message>
        <source>{new} new, {dup} duplicates (skipped), {err} with errors (skipped)</source>
        <translation>جديد: {new}، مكرر: {dup} (تُخطّي)، بأخطاء: {err} (تُخطّي)</translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation>— ليس في الملف —</translation>
    </message>
    <message>
        <source>column {n}</source>
        <translation>العمود {n}</translation>
    </message>
</context>
<context>
    <name>InvoiceDialog</name>
    <message>
        <source>Items</source>
        <translation>البنود</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>الخصومات</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>الضريبة</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>الإجمالي</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>المدفوع</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>المستحق</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>الدفعات</translation>
    </message>
    <message>
        <source>void: </source>
        <translation>ملغاة: </translation>
    </message>
    <message>
        <source>Add payment…</source>
        <translation>إضافة دفعة…</translation>
    </message>
    <message>
        <source>Void payment…</source>
        <translation>إلغاء دفعة…</translation>
    </message>
    <message>
        <source>Void invoice…</source>
        <translation>إلغاء الفاتورة…</translation>
    </message>
    <message>
        <source>Save and issue</source>
        <translation>حفظ وإصدار</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>حفظ كمسودة</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>السجل…</translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation>الفاتورة {number}</translation>
    </message>
    <message>
        <source>Invoice {number} of {date}</source>
        <translation>الفاتورة {number} بتاريخ {date}</translation>
    </message>
    <message>
        <source>{client}, paid by {payer}</source>
        <translation>{client}، الدافع: {payer}</translation>
    </message>
    <message>
        <source>State: {state}</source>
        <translation>الحالة: {state}</translation>
    </message>
    <message>
        <source>Paid back on {day}: {amount} by {method}{drawer} · credit note {number}</source>
        <translation>رُدّ في {day}: {amount} عبر {method}{drawer} · إشعار دائن {number}</translation>
    </message>
    <message>
        <source>Invoice {number} issued</source>
        <translation>أُصدرت الفاتورة {number}</translation>
    </message>
    <message>
        <source>History of invoice {number}</source>
        <translation>سجل الفاتورة {number}</translation>
    </message>
    <message>
        <source>Reason (kept with the record):</source>
        <translation>السبب (يُحفظ مع السجل):</translation>
    </message>
    <message>
        <source>Void the payment of {amount}</source>
        <translation>إلغاء دفعة {amount}</translation>
    </message>
    <message>
        <source>Payment voided</source>
        <translation>أُلغيت الدفعة</translation>
    </message>
    <message>
        <source>Void invoice {number}</source>
        <translation>إلغاء الفاتورة {number}</translation>
    </message>
    <message>
        <source>Invoice voided</source>
        <translation>أُلغيت الفاتورة</translation>
    </message>
</context>
<context>
    <name>InvoiceDocuments</name>
    <message>
        <source>Print / PDF</source>
        <translation>طباعة / PDF</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>طباعة…</translation>
    </message>
    <message>
        <source>Preview A4</source>
        <translation>معاينة A4</translation>
    </message>
    <message>
        <source>Preview receipt (80 mm)</source>
        <translation>معاينة الإيصال (80 مم)</translation>
    </message>
    <message>
        <source>Save A4 PDF…</source>
        <translation>حفظ PDF بحجم A4…</translation>
    </message>
    <message>
        <source>Save receipt PDF…</source>
        <translation>حفظ الإيصال PDF…</translation>
    </message>
    <message>
        <source>Email to the client…</source>
        <translation>إرسال للعميل بالبريد…</translation>
    </message>
    <message>
        <source>Save invoice</source>
        <translation>حفظ الفاتورة</translation>
    </message>
    <message>
        <source>Invoice {number} saved to {file}</source>
        <translation>حُفظت الفاتورة {number} في {file}</translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation>الفاتورة {number}</translation>
    </message>
    <message>
        <source>Printing invoice {number}</source>
        <translation>طباعة الفاتورة {number}</translation>
    </message>
    <message>
        <source>Invoice {number} sent to the printer</source>
        <translation>أُرسلت الفاتورة {number} إلى الطابعة</translation>
    </message>
    <message>
        <source>Email invoice {number}</source>
        <translation>إرسال الفاتورة {number} بالبريد</translation>
    </message>
    <message>
        <source>Send to:</source>
        <translation>إرسال إلى:</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Change {what}</source>
        <translation>تعديل: {what}</translation>
    </message>
    <message>
        <source>New {what}</source>
        <translation>جديد: {what}</translation>
    </message>
    <message>
        <source>{name} saved</source>
        <translation>حُفظ {name}</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <source> · unpaid: no lesson pack with a free lesson</source>
        <translation> · غير مدفوع: لا باقة حصص فيها حصة متاحة</translation>
    </message>
</context>
<context>
    <name>JournalScreen</name>
    <message>
        <source>Journal</source>
        <translation>سجل الحضور</translation>
    </message>
    <message>
        <source>Add a date…</source>
        <translation>إضافة تاريخ…</translation>
    </message>
    <message>
        <source>Makeups</source>
        <translation>الحصص التعويضية</translation>
    </message>
    <message>
        <source>A visitor from another group…</source>
        <translation>زائر من مجموعة أخرى…</translation>
    </message>
    <message>
        <source>Open and expired makeups…</source>
        <translation>الحصص التعويضية المتاحة والمنتهية…</translation>
    </message>
    <message>
        <source>Click a date to mark everyone not yet marked present</source>
        <translation>انقر تاريخًا لتسجيل حضور كل من لم يُسجَّل</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>   ·   red corner: unpaid</source>
        <translation>   ·   الزاوية الحمراء: غير مدفوع</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>مُسح</translation>
    </message>
    <message>
        <source>A date still to come</source>
        <translation>تاريخ لم يأتِ بعد</translation>
    </message>
    <message>
        <source>{day} has not come yet. Mark everyone not yet marked {status} on it?</source>
        <translation>لم يأتِ {day} بعد. تسجيل كل من لم يُسجَّل «{status}» فيه؟</translation>
    </message>
    <message>
        <source>{n} marked {status} on {day}</source>
        <translation>سُجّل «{status}» لـ {n} في {day}</translation>
    </message>
    <message>
        <source>everyone {status} on {day}</source>
        <translation>الجميع «{status}» في {day}</translation>
    </message>
    <message>
        <source>Makeup visitor</source>
        <translation>زائر لحصة تعويضية</translation>
    </message>
    <message>
        <source>This month has no lesson dates.</source>
        <translation>لا مواعيد حصص في هذا الشهر.</translation>
    </message>
    <message>
        <source>Add a lesson date</source>
        <translation>إضافة موعد حصة</translation>
    </message>
    <message>
        <source>Date (dd.mm.yyyy):</source>
        <translation>التاريخ (يوم.شهر.سنة):</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>لم يتم</translation>
    </message>
    <message>
        <source>Type the date like 24.12.2026.</source>
        <translation>اكتب التاريخ بهذا الشكل 24.12.2026.</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Your language</source>
        <translation>لغتك</translation>
    </message>
    <message>
        <source>The business&apos;s ({language})</source>
        <translation>لغة المنشأة ({language})</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>The window speaks it after a restart.</source>
        <translation>تظهر بها النافذة بعد إعادة التشغيل.</translation>
    </message>
    <message>
        <source>Language saved: it takes effect after a restart</source>
        <translation>حُفظت اللغة: تسري بعد إعادة التشغيل</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>The {language} translation ({file}) is missing or damaged: the desk speaks English until it is installed again.</source>
        <translation>ترجمة {language} ({file}) مفقودة أو تالفة: يعمل البرنامج بالإنجليزية حتى تُثبَّت من جديد.</translation>
    </message>
</context>
<context>
    <name>ListExports</name>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>مؤرشف</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>العملاء</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>الباقة</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>البدء</translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation>الاشتراكات</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>الرصيد</translation>
    </message>
    <message>
        <source>Agenda {day}</source>
        <translation>جدول يوم {day}</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>اليوم</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>inactive</source>
        <translation>غير معروضة</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>إضافة…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>تعديل…</translation>
    </message>
    <message>
        <source>Deactivate / activate</source>
        <translation>تعطيل / تفعيل</translation>
    </message>
    <message>
        <source>{name} activated</source>
        <translation>فُعّل {name}</translation>
    </message>
    <message>
        <source>{name} deactivated</source>
        <translation>عُطّل {name}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in — {name}</source>
        <translation>تسجيل الدخول — {name}</translation>
    </message>
    <message>
        <source>Membership desk</source>
        <translation>مكتب الاشتراكات</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>دخول</translation>
    </message>
</context>
<context>
    <name>LogoField</name>
    <message>
        <source>No logo: invoices print the business name only</source>
        <translation>بلا شعار: تُطبع الفواتير باسم المنشأة فقط</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>اختر الشعار</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>صور (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Logo saved</source>
        <translation>حُفظ الشعار</translation>
    </message>
    <message>
        <source>Logo removed</source>
        <translation>أُزيل الشعار</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Membership desk</source>
        <translation>مكتب الاشتراكات</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>&amp;تبديل المستخدم…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>تسجيل ال&amp;خروج</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>تغيير &amp;كلمة المرور…</translation>
    </message>
    <message>
        <source>&amp;Language…</source>
        <translation>&amp;اللغة…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;نسخ احتياطي الآن</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;استعادة نسخة احتياطية…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;إنهاء</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;حول</translation>
    </message>
    <message>
        <source>Find a client</source>
        <translation>ابحث عن عميل</translation>
    </message>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation>مسجّل الدخول: {name} ({role})</translation>
    </message>
    <message>
        <source>Data: {where}</source>
        <translation>البيانات: {where}</translation>
    </message>
    <message>
        <source>About the membership desk</source>
        <translation>حول مكتب الاشتراكات</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Membership desk {version}&lt;/h3&gt;&lt;p&gt;Memberships, lesson packs, credits, invoices and the attendance journal.&lt;/p&gt;&lt;p&gt;Data: {where}&lt;br&gt;Qt for Python {qt}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;مكتب الاشتراكات {version}&lt;/h3&gt;&lt;p&gt;الاشتراكات وباقات الحصص والرصيد والفواتير وسجل الحضور.&lt;/p&gt;&lt;p&gt;البيانات: {where}&lt;br&gt;Qt for Python {qt}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MakeupVisitorDialog</name>
    <message>
        <source>Makeup visitor</source>
        <translation>زائر لحصة تعويضية</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>الزائر</translation>
    </message>
    <message>
        <source>{name} (makeup until {until})</source>
        <translation>{name} (حصة تعويضية حتى {until})</translation>
    </message>
    <message>
        <source>Nobody from another group has a makeup lesson of this program to use on {day}.</source>
        <translation>لا أحد من مجموعة أخرى لديه حصة تعويضية من هذا البرنامج يستخدمها في {day}.</translation>
    </message>
</context>
<context>
    <name>MakeupsDialog</name>
    <message>
        <source>Makeup lessons</source>
        <translation>الحصص التعويضية</translation>
    </message>
    <message>
        <source>Open ({n})</source>
        <translation>متاحة ({n})</translation>
    </message>
    <message>
        <source>Usable until</source>
        <translation>صالحة حتى</translation>
    </message>
    <message>
        <source>Expired unused ({n})</source>
        <translation>انتهت دون استخدام ({n})</translation>
    </message>
    <message>
        <source>Expired after</source>
        <translation>انتهت بعد</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>العميل</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>البرنامج</translation>
    </message>
    <message>
        <source>Excused on</source>
        <translation>غياب بعذر في</translation>
    </message>
    <message>
        <source>An excused absence gives a makeup lesson in any group of the program; mark it &quot;Makeup&quot; in the journal before it expires.</source>
        <translation>الغياب بعذر يمنح حصة تعويضية في أي مجموعة من البرنامج؛ سجّلها «تعويضية» في سجل الحضور قبل انتهائها.</translation>
    </message>
</context>
<context>
    <name>MembershipsScreen</name>
    <message>
        <source>Memberships</source>
        <translation>الاشتراكات</translation>
    </message>
    <message>
        <source>Client name, phone or code</source>
        <translation>اسم العميل أو هاتفه أو رمزه</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>أي حالة</translation>
    </message>
    <message>
        <source>Any package</source>
        <translation>أي باقة</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>عرض:</translation>
    </message>
    <message>
        <source>started</source>
        <translation>بدأ</translation>
    </message>
    <message>
        <source>Sell…</source>
        <translation>بيع…</translation>
    </message>
    <message>
        <source>Renew…</source>
        <translation>تجديد…</translation>
    </message>
    <message>
        <source>Freeze…</source>
        <translation>تجميد…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>استئناف</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>إلغاء…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Invoice…</source>
        <translation>الفاتورة…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>1 sale</source>
        <translation>عملية بيع واحدة</translation>
    </message>
    <message>
        <source>{n} sales</source>
        <translation>المبيعات: {n}</translation>
    </message>
    <message>
        <source>{package} of {client} resumed</source>
        <translation>استؤنف {package} ({client})</translation>
    </message>
    <message>
        <source>Cancel {package}</source>
        <translation>إلغاء {package}</translation>
    </message>
    <message>
        <source>{package} of {client} cancelled</source>
        <translation>أُلغي {package} ({client})</translation>
    </message>
    <message>
        <source>Delete sale</source>
        <translation>حذف عملية البيع</translation>
    </message>
    <message>
        <source>Delete {package} of {client}? Only a sale without payments and visits can be deleted.</source>
        <translation>حذف {package} ({client})؟ لا يُحذف إلا بيع بلا دفعات ولا زيارات.</translation>
    </message>
    <message>
        <source>{package} of {client} deleted</source>
        <translation>حُذف {package} ({client})</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>{folder} cannot be written to ({reason}). Nothing was saved.</source>
        <translation>لا يمكن الكتابة في {folder} ({reason}). لم يُحفظ شيء.</translation>
    </message>
    <message>
        <source>{name} could not be written ({reason}). Nothing was saved.</source>
        <translation>تعذّرت كتابة {name} ({reason}). لم يُحفظ شيء.</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>الاثنين</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>الثلاثاء</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>الأربعاء</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>الخميس</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>الجمعة</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>السبت</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>الأحد</translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <source>VOID</source>
        <translation>ملغى</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>غير مدفوع</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>مدفوع جزئيًا</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>مدفوع</translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation>فاتورة {number}</translation>
    </message>
    <message>
        <source>Date: {date}</source>
        <translation>التاريخ: {date}</translation>
    </message>
    <message>
        <source>State: {state}</source>
        <translation>الحالة: {state}</translation>
    </message>
    <message>
        <source>Bill to: {name} ({code})</source>
        <translation>الدافع: {name} ({code})</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>مجموع البنود</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>الخصومات</translation>
    </message>
    <message>
        <source>Tax {rate}%</source>
        <translation>الضريبة {rate}%</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>الإجمالي</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>المبلغ المستحق</translation>
    </message>
    <message>
        <source>Void: {reason}</source>
        <translation>أُلغيت: {reason}</translation>
    </message>
    <message>
        <source>For: {name} ({code})</source>
        <translation>لصالح: {name} ({code})</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>البيان</translation>
    </message>
    <message>
        <source>Amount {currency}</source>
        <translation>المبلغ {currency}</translation>
    </message>
    <message>
        <source>Paid back</source>
        <translation>المبلغ المسترد</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>الدفعات</translation>
    </message>
    <message>
        <source>credit note {number}</source>
        <translation>إشعار دائن {number}</translation>
    </message>
    <message>
        <source>files: {names}</source>
        <translation>ملفات: {names}</translation>
    </message>
    <message>
        <source>VOID: {reason}</source>
        <translation>ملغاة: {reason}</translation>
    </message>
    <message>
        <source>Granted {granted} · used {used} · expired {expired} · remaining {remaining}, of which {available} valid today</source>
        <translation>الممنوح {granted} · المستخدم {used} · المنتهي {expired} · المتبقي {remaining}، منها {available} صالحة اليوم</translation>
    </message>
    <message>
        <source>Credit statement: {name} ({code})</source>
        <translation>كشف الرصيد: {name} ({code})</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>رصيد</translation>
    </message>
    <message>
        <source>Granted: {package}, until {end}</source>
        <translation>مُنح: {package}، حتى {end}</translation>
    </message>
    <message>
        <source>Expired: what was left of {package} (until {end})</source>
        <translation>انتهى: ما تبقى من {package} (حتى {end})</translation>
    </message>
    <message>
        <source>Reversal of the use of {day}</source>
        <translation>إلغاء خصم {day}</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>تسجيل حضور</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>مستخدم</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>الحركة</translation>
    </message>
    <message>
        <source>By</source>
        <translation>بواسطة</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>الوحدات</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>الرصيد</translation>
    </message>
    <message>
        <source>{units} until {day}</source>
        <translation>{units} حتى {day}</translation>
    </message>
    <message>
        <source>As of {day}</source>
        <translation>حتى تاريخ {day}</translation>
    </message>
    <message>
        <source>Expires: {when}</source>
        <translation>ينتهي: {when}</translation>
    </message>
    <message>
        <source>Nothing valid today.</source>
        <translation>لا شيء صالح اليوم.</translation>
    </message>
    <message>
        <source>No credits have been granted to this client.</source>
        <translation>لم يُمنح هذا العميل أي رصيد.</translation>
    </message>
    <message>
        <source>(reversed)</source>
        <translation>(أُلغيت)</translation>
    </message>
    <message>
        <source>{name} (unit: {unit})</source>
        <translation>{name} (الوحدة: {unit})</translation>
    </message>
    <message>
        <source>Takings of {day}</source>
        <translation>إيرادات الصندوق ليوم {day}</translation>
    </message>
    <message>
        <source>Refund: {method}</source>
        <translation>استرداد: {method}</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>طريقة الدفع</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>الصندوق</translation>
    </message>
    <message>
        <source>Of which paid back (refunds)</source>
        <translation>منها مبالغ مستردة (استرداد)</translation>
    </message>
    <message>
        <source>{what} is a PNG or JPEG file.</source>
        <translation>«{what}»: يجب أن يكون ملف PNG أو JPEG.</translation>
    </message>
    <message>
        <source>The file {name} cannot be read.</source>
        <translation>لا يمكن قراءة الملف {name}.</translation>
    </message>
    <message>
        <source>{what} is larger than 5 MB.</source>
        <translation>«{what}»: الملف أكبر من 5 ميغابايت.</translation>
    </message>
    <message>
        <source>This file is not a PNG or JPEG picture.</source>
        <translation>هذا الملف ليس صورة PNG أو JPEG.</translation>
    </message>
    <message>
        <source>What ends</source>
        <translation>ما ينتهي</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>ينتهي في</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>المالك</translation>
    </message>
    <message>
        <source>receptionist</source>
        <translation>موظف الاستقبال</translation>
    </message>
    <message>
        <source>teacher</source>
        <translation>المدرّب</translation>
    </message>
    <message>
        <source>{name} ({role}) may not do this.</source>
        <translation>لا يحق لـ{name} ({role}) القيام بهذا.</translation>
    </message>
    <message>
        <source>The day</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>الملاحظة</translation>
    </message>
    <message>
        <source>The new date</source>
        <translation>التاريخ الجديد</translation>
    </message>
    <message>
        <source>Mark it done, missed or planned.</source>
        <translation>علّمها: تمت أو فاتت أو مخططة.</translation>
    </message>
    <message>
        <source>{name} is due on {day}: it can be marked on that day or later.</source>
        <translation>موعد «{name}» في {day}: يمكن تعليمها في ذلك اليوم أو بعده.</translation>
    </message>
    <message>
        <source>This one was rescheduled; mark the new date instead.</source>
        <translation>أُعيدت جدولة هذه؛ علّم التاريخ الجديد بدلًا منها.</translation>
    </message>
    <message>
        <source>Only a missed occurrence can be rescheduled.</source>
        <translation>لا يُعاد جدولة إلا ما فات.</translation>
    </message>
    <message>
        <source>It was already rescheduled to {day}.</source>
        <translation>أُعيدت جدولتها بالفعل إلى {day}.</translation>
    </message>
    <message>
        <source>{package} was cancelled on {day}.</source>
        <translation>أُلغي «{package}» في {day}.</translation>
    </message>
    <message>
        <source>The new date cannot be in the past.</source>
        <translation>لا يمكن أن يكون التاريخ الجديد في الماضي.</translation>
    </message>
    <message>
        <source>The new date must be within the membership ({first} – {last}).</source>
        <translation>يجب أن يكون التاريخ الجديد ضمن مدة الاشتراك ({first} – {last}).</translation>
    </message>
    <message>
        <source>The membership is frozen on that day.</source>
        <translation>الاشتراك مجمَّد في ذلك اليوم.</translation>
    </message>
    <message>
        <source>The start date</source>
        <translation>تاريخ البدء</translation>
    </message>
    <message>
        <source>The end date</source>
        <translation>تاريخ الانتهاء</translation>
    </message>
    <message>
        <source>The price</source>
        <translation>السعر</translation>
    </message>
    <message>
        <source>The visit&apos;s date</source>
        <translation>تاريخ الزيارة</translation>
    </message>
    <message>
        <source>Cannot change {fields} here.</source>
        <translation>لا يمكن تغيير {fields} هنا.</translation>
    </message>
    <message>
        <source>That card belongs to another client.</source>
        <translation>هذه البطاقة لعميل آخر.</translation>
    </message>
    <message>
        <source>{name} is cancelled: only its description can change.</source>
        <translation>«{name}» ملغى: لا يتغير إلا بيانه.</translation>
    </message>
    <message>
        <source>The description</source>
        <translation>البيان</translation>
    </message>
    <message>
        <source>{name} is billed on invoice {invoice}, and an issued invoice never changes: to bill another price, void the invoice and sell again.</source>
        <translation>«{name}» مفوتَر في الفاتورة {invoice}، والفاتورة الصادرة لا تتغير: لفوترة سعر آخر ألغِ الفاتورة وبِع من جديد.</translation>
    </message>
    <message>
        <source>{name} would end before it starts.</source>
        <translation>«{name}» سينتهي قبل أن يبدأ.</translation>
    </message>
    <message>
        <source>{name} has a freeze outside the new dates; the dates must cover its freezes.</source>
        <translation>لـ«{name}» تجميد خارج التواريخ الجديدة؛ يجب أن تشمل التواريخ فترات التجميد.</translation>
    </message>
    <message>
        <source>Credits of {name} were used on {day}, outside the new dates.</source>
        <translation>استُخدم رصيد «{name}» في {day}، خارج التواريخ الجديدة.</translation>
    </message>
    <message>
        <source>That visit belongs to another client.</source>
        <translation>هذه الزيارة لعميل آخر.</translation>
    </message>
    <message>
        <source>{name} would overlap {package} ({first} – {last}): a client has one membership at a time.</source>
        <translation>«{name}» سيتداخل مع «{package}» ({first} – {last}): للعميل اشتراك واحد في كل مرة.</translation>
    </message>
    <message>
        <source>A check-in has no attendance status; only its date can change.</source>
        <translation>ليس لتسجيل الحضور حالة حضور؛ لا يتغير إلا تاريخه.</translation>
    </message>
    <message>
        <source>A check-in cannot be in the future.</source>
        <translation>لا يمكن أن يكون تسجيل الحضور في المستقبل.</translation>
    </message>
    <message>
        <source>Another computer has moved this visit meanwhile; the cards are shown again.</source>
        <translation>نقل حاسوب آخر هذه الزيارة في الأثناء؛ عُرضت البطاقات من جديد.</translation>
    </message>
    <message>
        <source>Only a lesson that charges a pack can be moved.</source>
        <translation>لا تُنقل إلا حصة تُخصم من باقة.</translation>
    </message>
    <message>
        <source>A lesson moves only to a lesson pack of the same client and program.</source>
        <translation>تُنقل الحصة فقط إلى باقة حصص للعميل نفسه والبرنامج نفسه.</translation>
    </message>
    <message>
        <source>That pack is cancelled.</source>
        <translation>هذه الباقة ملغاة.</translation>
    </message>
    <message>
        <source>“{name}” is full ({count} of {count}).</source>
        <translation>«{name}» ممتلئة ({count} من {count}).</translation>
    </message>
    <message>
        <source>A service&apos;s name</source>
        <translation>اسم الخدمة</translation>
    </message>
    <message>
        <source>Unknown package fields: {fields}.</source>
        <translation>حقول غير معروفة للباقة: {fields}.</translation>
    </message>
    <message>
        <source>kind of package</source>
        <translation>نوع الباقة</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>السعر</translation>
    </message>
    <message>
        <source>The term</source>
        <translation>المدة</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>الحصص</translation>
    </message>
    <message>
        <source>Member discount</source>
        <translation>خصم الأعضاء</translation>
    </message>
    <message>
        <source>A credits package needs at least one credit type with its units.</source>
        <translation>تحتاج باقة الرصيد إلى نوع رصيد واحد على الأقل مع وحداته.</translation>
    </message>
    <message>
        <source>“{name}” is inactive and cannot be sold.</source>
        <translation>«{name}» غير نشطة ولا يمكن بيعها.</translation>
    </message>
    <message>
        <source>Choose a {what}.</source>
        <translation>اختر: {what}.</translation>
    </message>
    <message>
        <source>billing type</source>
        <translation>طريقة الفوترة</translation>
    </message>
    <message>
        <source>term unit</source>
        <translation>وحدة المدة</translation>
    </message>
    <message>
        <source>A lesson pack needs its program.</source>
        <translation>تحتاج باقة الحصص إلى برنامجها.</translation>
    </message>
    <message>
        <source>Only a membership gives a member discount.</source>
        <translation>لا يمنح خصم الأعضاء إلا الاشتراك.</translation>
    </message>
    <message>
        <source>Choose credit types from the list.</source>
        <translation>اختر أنواع الرصيد من القائمة.</translation>
    </message>
    <message>
        <source>Choose the weekdays of “{name}”.</source>
        <translation>اختر أيام الأسبوع لـ«{name}».</translation>
    </message>
    <message>
        <source>“{name}” repeats weekly or monthly.</source>
        <translation>«{name}» تتكرر أسبوعيًا أو شهريًا.</translation>
    </message>
    <message>
        <source>Choose the months of “{name}”.</source>
        <translation>اختر الأشهر لـ«{name}».</translation>
    </message>
    <message>
        <source>Every N weeks</source>
        <translation>كل N أسابيع</translation>
    </message>
    <message>
        <source>Day of the month</source>
        <translation>يوم الشهر</translation>
    </message>
    <message>
        <source>Scan a card or type a client code.</source>
        <translation>امسح البطاقة أو اكتب رمز العميل.</translation>
    </message>
    <message>
        <source>{name} is archived; restore the client to check in.</source>
        <translation>العميل {name} في الأرشيف؛ أعِده من الأرشيف لتسجيل الحضور.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <source>Unknown client fields: {fields}.</source>
        <translation>حقول غير معروفة للعميل: {fields}.</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>وليّ الأمر</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>الصورة</translation>
    </message>
    <message>
        <source>A phone number has digits, spaces, + - ( ) only, and at least 5 digits.</source>
        <translation>رقم الهاتف يتكوّن من أرقام ومسافات و + - ( ) فقط، وفيه 5 أرقام على الأقل.</translation>
    </message>
    <message>
        <source>A photo</source>
        <translation>الصورة</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <source>Choose a category from the list.</source>
        <translation>اختر فئة من القائمة.</translation>
    </message>
    <message>
        <source>That family no longer exists.</source>
        <translation>هذه العائلة لم تعد موجودة.</translation>
    </message>
    <message>
        <source>A code has only letters A-Z and digits.</source>
        <translation>الرمز يتكوّن من الحروف اللاتينية A-Z والأرقام فقط.</translation>
    </message>
    <message>
        <source>The code {code} belongs to another client.</source>
        <translation>الرمز {code} يخص عميلًا آخر.</translation>
    </message>
    <message>
        <source>The birth date is in the future.</source>
        <translation>تاريخ الميلاد في المستقبل.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>الرمز</translation>
    </message>
    <message>
        <source>{name} has {balance} of {credit} valid on {day}; {asked} cannot be used. Nothing was recorded.</source>
        <translation>لدى {name} من {credit} ما قيمته {balance} صالحة في {day}؛ لا يمكن استخدام {asked}. لم يُسجَّل شيء.</translation>
    </message>
    <message>
        <source>Units must be a number, like 1 or 3.</source>
        <translation>يجب أن تكون الوحدات رقمًا، مثل 1 أو 3.</translation>
    </message>
    <message>
        <source>{credit} is counted in whole {units}: {value} is not a whole number.</source>
        <translation>«{credit}» يُحسب بوحدات كاملة ({units}): {value} ليس عددًا صحيحًا.</translation>
    </message>
    <message>
        <source>Units must be at least 1.</source>
        <translation>يجب ألا تقل الوحدات عن 1.</translation>
    </message>
    <message>
        <source>Units must be at most {most}.</source>
        <translation>يجب ألا تزيد الوحدات على {most}.</translation>
    </message>
    <message>
        <source>{name} has never had {credit}; sell a credits package first.</source>
        <translation>لم يكن لدى {name} «{credit}» قط؛ بِع باقة رصيد أولًا.</translation>
    </message>
    <message>
        <source>{name} has {balance} of {credit} valid on {day}; {asked} cannot be used. Nothing was recorded. Their first {credit} starts on {first}.</source>
        <translation>لدى {name} من {credit} ما قيمته {balance} صالحة في {day}؛ لا يمكن استخدام {asked}. لم يُسجَّل شيء. يبدأ أول «{credit}» لديه في {first}.</translation>
    </message>
    <message>
        <source>{name} has {balance} of {credit} valid on {day}; {asked} cannot be used. Nothing was recorded. Their last {credit} expired on {last}.</source>
        <translation>لدى {name} من {credit} ما قيمته {balance} صالحة في {day}؛ لا يمكن استخدام {asked}. لم يُسجَّل شيء. انتهى آخر «{credit}» لديه في {last}.</translation>
    </message>
    <message>
        <source>{name} is archived; restore the client to use or reverse credits.</source>
        <translation>العميل {name} في الأرشيف؛ أعِده من الأرشيف لاستخدام الرصيد أو إرجاعه.</translation>
    </message>
    <message>
        <source>The date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Credits cannot be used on a day still to come.</source>
        <translation>لا يمكن استخدام الرصيد في يوم لم يأتِ بعد.</translation>
    </message>
    <message>
        <source>This is a reversal; it cannot be reversed itself.</source>
        <translation>هذا إرجاع؛ لا يمكن إرجاعه هو نفسه.</translation>
    </message>
    <message>
        <source>This use was already reversed on {day}.</source>
        <translation>أُرجع هذا الاستخدام بالفعل في {day}.</translation>
    </message>
    <message>
        <source>Only the owner can reverse a use recorded before today.</source>
        <translation>لا يُرجع استخدامًا سُجّل قبل اليوم إلا المالك.</translation>
    </message>
    <message>
        <source>Top up sells a credits package; {name} is not one.</source>
        <translation>الشحن يبيع باقة رصيد؛ و«{name}» ليست كذلك.</translation>
    </message>
    <message>
        <source>Another computer used these credits at the same moment; nothing was recorded. Please try again.</source>
        <translation>استخدم حاسوب آخر هذا الرصيد في اللحظة نفسها؛ لم يُسجَّل شيء. حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>These units came from a sale cancelled on {day}; they cannot be given back.</source>
        <translation>هذه الوحدات من بيع أُلغي في {day}؛ لا يمكن إرجاعها.</translation>
    </message>
    <message>
        <source>These units came from credits that expired on {day}; giving them back would change nothing.</source>
        <translation>هذه الوحدات من رصيد انتهى في {day}؛ إرجاعها لن يغيّر شيئًا.</translation>
    </message>
    <message>
        <source>Another computer changed these credits at the same moment; please try again.</source>
        <translation>غيّر حاسوب آخر هذا الرصيد في اللحظة نفسها؛ حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>This use was reversed on another computer meanwhile.</source>
        <translation>أُرجع هذا الاستخدام على حاسوب آخر في الأثناء.</translation>
    </message>
    <message>
        <source>The address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Choose A4 or receipt.</source>
        <translation>اختر A4 أو إيصالًا.</translation>
    </message>
    <message>
        <source>{name} has no email address; type one.</source>
        <translation>ليس لدى {name} عنوان بريد إلكتروني؛ اكتب واحدًا.</translation>
    </message>
    <message>
        <source>Set up the email server and sender in Settings › Email first.</source>
        <translation>اضبط خادم البريد والمرسل أولًا في الإعدادات › البريد الإلكتروني.</translation>
    </message>
    <message>
        <source>No clients are listed, so there are no cards to print.</source>
        <translation>لا عملاء في القائمة، فلا بطاقات للطباعة.</translation>
    </message>
    <message>
        <source>Print at most {most} cards at a time; narrow the list.</source>
        <translation>اطبع {most} بطاقة على الأكثر في المرة الواحدة؛ ضيّق القائمة.</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>اسم العائلة</translation>
    </message>
    <message>
        <source>Choose another client.</source>
        <translation>اختر عميلًا آخر.</translation>
    </message>
    <message>
        <source>{name} already belongs to the {family} family; remove them there first.</source>
        <translation>{name} ينتمي بالفعل إلى عائلة «{family}»؛ أزِله منها أولًا.</translation>
    </message>
    <message>
        <source>{name} is not in a family.</source>
        <translation>{name} ليس في أي عائلة.</translation>
    </message>
    <message>
        <source>A reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>The discounts are larger than the items.</source>
        <translation>الخصومات أكبر من مجموع البنود.</translation>
    </message>
    <message>
        <source>Only a draft invoice can be issued.</source>
        <translation>لا تُصدر إلا مسودة الفاتورة.</translation>
    </message>
    <message>
        <source>An invoice needs at least one line.</source>
        <translation>تحتاج الفاتورة إلى بند واحد على الأقل.</translation>
    </message>
    <message>
        <source>An issued invoice cannot be changed; void it and sell again.</source>
        <translation>لا يمكن تعديل فاتورة صادرة؛ ألغِها وبِع من جديد.</translation>
    </message>
    <message>
        <source>A line&apos;s description</source>
        <translation>بيان البند</translation>
    </message>
    <message>
        <source>A line&apos;s amount</source>
        <translation>مبلغ البند</translation>
    </message>
    <message>
        <source>This invoice is already void.</source>
        <translation>هذه الفاتورة ملغاة من قبل.</translation>
    </message>
    <message>
        <source>Choose an active cash drawer.</source>
        <translation>اختر صندوقًا نشطًا.</translation>
    </message>
    <message>
        <source>Choose how the money is paid back.</source>
        <translation>اختر طريقة إعادة المال.</translation>
    </message>
    <message>
        <source>This is another teacher&apos;s group.</source>
        <translation>هذه مجموعة مدرّب آخر.</translation>
    </message>
    <message>
        <source>{name} is not in {group} on {day}; a visitor from another group is marked for a makeup lesson only.</source>
        <translation>{name} ليس في «{group}» في {day}؛ الزائر من مجموعة أخرى يُعلَّم لحصة تعويضية فقط.</translation>
    </message>
    <message>
        <source>This client has no makeup lesson left for this program.</source>
        <translation>لم يبقَ لهذا العميل حصص تعويضية في هذا البرنامج.</translation>
    </message>
    <message>
        <source>Choose a status from the list.</source>
        <translation>اختر حالة من القائمة.</translation>
    </message>
    <message>
        <source>{group} has no lesson on {weekday} {day}; add it as an extra date first.</source>
        <translation>لا حصة لـ«{group}» يوم {weekday} {day}؛ أضِفه أولًا تاريخًا إضافيًا.</translation>
    </message>
    <message>
        <source>{group} already has a lesson on {day}.</source>
        <translation>لـ«{group}» حصة بالفعل في {day}.</translation>
    </message>
    <message>
        <source>Clients of the category {category} are not marked in the journal.</source>
        <translation>لا يُعلَّم عملاء فئة «{category}» في السجل.</translation>
    </message>
    <message>
        <source>The makeup lesson this absence earned was used on {day}; change that mark first.</source>
        <translation>استُخدمت الحصة التعويضية التي اكتُسبت بهذا الغياب في {day}؛ غيّر تلك العلامة أولًا.</translation>
    </message>
    <message>
        <source>{name} already has a mark in {group} on {day}.</source>
        <translation>لـ{name} علامة بالفعل في «{group}» في {day}.</translation>
    </message>
    <message>
        <source>There is already an attendance status called {name}.</source>
        <translation>توجد حالة حضور باسم «{name}» بالفعل.</translation>
    </message>
    <message>
        <source>There is already a client category called {name}.</source>
        <translation>توجد فئة عملاء باسم «{name}» بالفعل.</translation>
    </message>
    <message>
        <source>There is already a cash drawer called {name}.</source>
        <translation>يوجد صندوق باسم «{name}» بالفعل.</translation>
    </message>
    <message>
        <source>There is already a credit type called {name}.</source>
        <translation>يوجد نوع رصيد باسم «{name}» بالفعل.</translation>
    </message>
    <message>
        <source>{label} must be on or off.</source>
        <translation>«{label}»: إما مفعّل أو غير مفعّل.</translation>
    </message>
    <message>
        <source>There is no list called {kind}.</source>
        <translation>لا توجد قائمة باسم «{kind}».</translation>
    </message>
    <message>
        <source>A status either gives a makeup or uses one, not both.</source>
        <translation>الحالة إما تمنح حصة تعويضية أو تستخدمها، لا الاثنتين معًا.</translation>
    </message>
    <message>
        <source>A makeup lesson uses no lesson of a pack: turn off “Charges a lesson”.</source>
        <translation>الحصة التعويضية لا تُخصم من الباقة: أوقف «تُحتسب حصة».</translation>
    </message>
    <message>
        <source>A {what} cannot be deactivated; rename it instead.</source>
        <translation>لا يمكن إيقاف هذا العنصر ({what})؛ أعِد تسميته بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>{name} is the default cash drawer: make another drawer the default first.</source>
        <translation>«{name}» هو الصندوق الافتراضي: اجعل صندوقًا آخر افتراضيًا أولًا.</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>الحرف</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <source>Charges a lesson</source>
        <translation>تُحتسب حصة</translation>
    </message>
    <message>
        <source>Gives a makeup</source>
        <translation>تمنح حصة تعويضية</translation>
    </message>
    <message>
        <source>Uses a makeup</source>
        <translation>تستخدم حصة تعويضية</translation>
    </message>
    <message>
        <source>May attend lessons</source>
        <translation>يحق له حضور الحصص</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>الوحدة</translation>
    </message>
    <message>
        <source>Used at check-in</source>
        <translation>يُخصم عند الحضور</translation>
    </message>
    <message>
        <source>Low balance at</source>
        <translation>رصيد منخفض عند</translation>
    </message>
    <message>
        <source>The payment date</source>
        <translation>تاريخ الدفع</translation>
    </message>
    <message>
        <source>Attach at most 20 files to one payment.</source>
        <translation>أرفق 20 ملفًا على الأكثر بالدفعة الواحدة.</translation>
    </message>
    <message>
        <source>Issue the draft invoice before taking a payment.</source>
        <translation>أصدر مسودة الفاتورة قبل استلام أي دفعة.</translation>
    </message>
    <message>
        <source>This invoice is void; it takes no payments.</source>
        <translation>هذه الفاتورة ملغاة؛ لا تُقبل عليها دفعات.</translation>
    </message>
    <message>
        <source>The amount</source>
        <translation>المبلغ</translation>
    </message>
    <message>
        <source>The amount {amount} is more than the balance due ({due}). Nothing was recorded.</source>
        <translation>المبلغ {amount} أكبر من الرصيد المستحق ({due}). لم يُسجَّل شيء.</translation>
    </message>
    <message>
        <source>Choose a cash drawer from the list.</source>
        <translation>اختر صندوقًا من القائمة.</translation>
    </message>
    <message>
        <source>A payment cannot be dated in the future.</source>
        <translation>لا يمكن تأريخ دفعة بتاريخ في المستقبل.</translation>
    </message>
    <message>
        <source>This payment is already void.</source>
        <translation>هذه الدفعة ملغاة من قبل.</translation>
    </message>
    <message>
        <source>The invoice of this payment is void and what was paid on it was paid back.</source>
        <translation>فاتورة هذه الدفعة ملغاة، وما دُفع عليها أُعيد.</translation>
    </message>
    <message>
        <source>This payment was taken on {day}: only a payment of today can be voided. To pay the money back, cancel the sale or void the invoice (a refund).</source>
        <translation>استُلمت هذه الدفعة في {day}: لا يمكن إلغاء إلا دفعة اليوم. لإعادة المال، ألغِ البيع أو ألغِ الفاتورة (استرداد).</translation>
    </message>
    <message>
        <source>Only the owner can see the takings of another day.</source>
        <translation>لا يرى إيرادات الأيام الأخرى إلا المالك.</translation>
    </message>
    <message>
        <source>The file {name} is larger than 25 MB.</source>
        <translation>الملف {name} أكبر من 25 ميغابايت.</translation>
    </message>
    <message>
        <source>{problem} Nothing was recorded.</source>
        <translation>{problem} لم يُسجَّل شيء.</translation>
    </message>
    <message>
        <source>Choose a payment method.</source>
        <translation>اختر طريقة الدفع.</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>تاريخ البدء</translation>
    </message>
    <message>
        <source>Lesson price</source>
        <translation>سعر الحصة</translation>
    </message>
    <message>
        <source>There is already a program called {name}.</source>
        <translation>يوجد برنامج باسم «{name}» بالفعل.</translation>
    </message>
    <message>
        <source>Choose the group&apos;s program.</source>
        <translation>اختر برنامج المجموعة.</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>يوم الأسبوع</translation>
    </message>
    <message>
        <source>Give the group at least one weekly lesson time.</source>
        <translation>حدّد للمجموعة موعد حصة أسبوعيًا واحدًا على الأقل.</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>القاعة</translation>
    </message>
    <message>
        <source>That group or client no longer exists.</source>
        <translation>هذه المجموعة أو هذا العميل لم يعد موجودًا.</translation>
    </message>
    <message>
        <source>{name} is archived; restore the client first.</source>
        <translation>العميل {name} في الأرشيف؛ أعِده من الأرشيف أولًا.</translation>
    </message>
    <message>
        <source>{name} is already in this group.</source>
        <translation>{name} في هذه المجموعة بالفعل.</translation>
    </message>
    <message>
        <source>That client is not in this group.</source>
        <translation>هذا العميل ليس في هذه المجموعة.</translation>
    </message>
    <message>
        <source>Times are written like 17:30.</source>
        <translation>يُكتب الوقت هكذا: 17:30.</translation>
    </message>
    <message>
        <source>Choose an active user as the teacher.</source>
        <translation>اختر مستخدمًا نشطًا مدرّبًا.</translation>
    </message>
    <message>
        <source>A lesson ends after it starts.</source>
        <translation>تنتهي الحصة بعد أن تبدأ.</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>السعة</translation>
    </message>
    <message>
        <source>pg_dump is not installed on this PC: the database server&apos;s own backups apply.</source>
        <translation>أداة pg_dump غير مثبتة على هذا الجهاز: تُعتمد النسخ الاحتياطية الخاصة بخادم قاعدة البيانات.</translation>
    </message>
    <message>
        <source>The backup {name} is empty or missing: nothing was restored.</source>
        <translation>النسخة الاحتياطية {name} فارغة أو مفقودة: لم يُستعد أي شيء.</translation>
    </message>
    <message>
        <source>The backup {name} is damaged: nothing was restored.</source>
        <translation>النسخة الاحتياطية {name} تالفة: لم يُستعد أي شيء.</translation>
    </message>
    <message>
        <source>{name} is not a membership desk backup: nothing was restored.</source>
        <translation>{name} ليست نسخة احتياطية لمكتب الاشتراكات: لم يُستعد أي شيء.</translation>
    </message>
    <message>
        <source>The database has damaged pages ({problems}). Restore a backup made before the damage.</source>
        <translation>في قاعدة البيانات صفحات تالفة ({problems}). استعد نسخة احتياطية أُخذت قبل التلف.</translation>
    </message>
    <message>
        <source>No backup was made: {reason}</source>
        <translation>لم تُؤخذ نسخة احتياطية: {reason}</translation>
    </message>
    <message>
        <source>No backup was made in {folder}: {reason}</source>
        <translation>لم تُؤخذ نسخة احتياطية في {folder}: {reason}</translation>
    </message>
    <message>
        <source>the disk is full.</source>
        <translation>القرص ممتلئ.</translation>
    </message>
    <message>
        <source>the folder cannot be written to.</source>
        <translation>لا يمكن الكتابة في هذا المجلد.</translation>
    </message>
    <message>
        <source>No backup was made: pg_dump could not back up the database ({said}).</source>
        <translation>لم تُؤخذ نسخة احتياطية: تعذّر على pg_dump نسخ قاعدة البيانات ({said}).</translation>
    </message>
    <message>
        <source>No backup was made: pg_dump did not finish within an hour.</source>
        <translation>لم تُؤخذ نسخة احتياطية: لم ينتهِ pg_dump خلال ساعة.</translation>
    </message>
    <message>
        <source>Nothing was restored: the current file could not be kept in {folder}: {reason}</source>
        <translation>لم يُستعد أي شيء: تعذّر الاحتفاظ بالملف الحالي في {folder}: {reason}</translation>
    </message>
    <message>
        <source>The connection to the database server was lost, so this was not saved: nothing of it was written. Please try again (the desk reconnects by itself once the server answers).</source>
        <translation>انقطع الاتصال بخادم قاعدة البيانات، لذلك لم يُحفظ هذا: لم يُكتب منه شيء. يُرجى المحاولة مرة أخرى (يعيد البرنامج الاتصال تلقائيًا حين يستجيب الخادم).</translation>
    </message>
    <message>
        <source>The connection to the database server was lost just while saving, and the server cannot be asked yet whether it was saved. Once the server answers, look whether it is there (the client&apos;s sales and payments, the list you changed) before doing it again.</source>
        <translation>انقطع الاتصال بخادم قاعدة البيانات أثناء الحفظ تمامًا، ولا يمكن بعدُ سؤال الخادم هل حُفظ. حين يستجيب الخادم، تحقّق من وجوده (مبيعات العميل ومدفوعاته، أو القائمة التي غيّرتها) قبل أن تكرّر العملية.</translation>
    </message>
    <message>
        <source>The server refused the user name or password. Check both in the server&apos;s address (Settings › Database server).</source>
        <translation>رفض الخادم اسم المستخدم أو كلمة المرور. تحقّق من كليهما في عنوان الخادم (الإعدادات › خادم قاعدة البيانات).</translation>
    </message>
    <message>
        <source>The server&apos;s name was not found. Check the host name in the address and the network.</source>
        <translation>لم يُعثر على اسم الخادم. تحقّق من اسم المضيف في العنوان ومن الشبكة.</translation>
    </message>
    <message>
        <source>The server does not answer. Check that it runs, the port, and the network (a firewall?).</source>
        <translation>الخادم لا يجيب. تحقّق من أنه يعمل، ومن المنفذ والشبكة (جدار حماية؟).</translation>
    </message>
    <message>
        <source>The server answered, but it has no database of that name. Check the name in the address.</source>
        <translation>أجاب الخادم، لكن ليست عليه قاعدة بيانات بهذا الاسم. تحقّق من الاسم في العنوان.</translation>
    </message>
    <message>
        <source>This is not a server address. Write it as postgresql://user:password@host:5432/desk.</source>
        <translation>هذا ليس عنوان خادم. اكتبه بالشكل postgresql://user:password@host:5432/desk.</translation>
    </message>
    <message>
        <source>The server refused the connection: {said}</source>
        <translation>رفض الخادم الاتصال: {said}</translation>
    </message>
    <message>
        <source>Connected to {where}: PostgreSQL {version}.</source>
        <translation>تم الاتصال بـ {where}: PostgreSQL {version}.</translation>
    </message>
    <message>
        <source>The desk does not speak &apos;{language}&apos;; choose one of: {choices}.</source>
        <translation>البرنامج لا يتحدث اللغة «{language}»؛ اختر واحدة من: {choices}.</translation>
    </message>
    <message>
        <source>{label}: write either a comma or a point before the kopecks, not both (like {example}).</source>
        <translation>حقل «{label}»: اكتب قبل الكسور فاصلة أو نقطة، لا كليهما (مثل {example}).</translation>
    </message>
    <message>
        <source>{label}: &apos;{typed}&apos; is not clear; write it like {example}.</source>
        <translation>حقل «{label}»: القيمة «{typed}» غير واضحة؛ اكتبها هكذا: {example}.</translation>
    </message>
    <message>
        <source>{label}: {typed} is ambiguous; write the decimals with a point, like {like}, and commas only between thousands, like 1,234.50.</source>
        <translation>حقل «{label}»: القيمة {typed} ملتبسة؛ اكتب الكسور بعد نقطة، مثل {like}، والفواصل بين الآلاف فقط، مثل 1,234.50.</translation>
    </message>
    <message>
        <source>{business}: a reminder about your {package}</source>
        <translation>{business}: تذكير بخصوص {package}</translation>
    </message>
    <message>
        <source>Hello {client},

{items}

Renew at the reception, or reply to this email, to keep your place.

{business}</source>
        <translation>مرحبًا {client}،

{items}

جدِّد اشتراكك في الاستقبال، أو ردّ على هذه الرسالة، لتحتفظ بمكانك.

{business}</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <source>Page {number} of {total}</source>
        <translation>الصفحة {number} من {total}</translation>
    </message>
    <message>
        <source>Made {when}</source>
        <translation>أُعدّ في {when}</translation>
    </message>
    <message>
        <source>Memberships and packs ending soon</source>
        <translation>اشتراكات وباقات تنتهي قريبًا</translation>
    </message>
    <message>
        <source>Members at risk</source>
        <translation>أعضاء معرّضون للانقطاع</translation>
    </message>
    <message>
        <source>Expired memberships</source>
        <translation>اشتراكات منتهية</translation>
    </message>
    <message>
        <source>Renewals</source>
        <translation>التجديدات</translation>
    </message>
    <message>
        <source>New subscriptions</source>
        <translation>اشتراكات جديدة</translation>
    </message>
    <message>
        <source>Most requested packages</source>
        <translation>الباقات الأكثر طلبًا</translation>
    </message>
    <message>
        <source>Payments and refunds by method and cash drawer</source>
        <translation>الدفعات والمستردات حسب طريقة الدفع والصندوق</translation>
    </message>
    <message>
        <source>Outstanding balances</source>
        <translation>الأرصدة المستحقة</translation>
    </message>
    <message>
        <source>Unpaid lessons</source>
        <translation>حصص غير مدفوعة</translation>
    </message>
    <message>
        <source>Attendance and occupancy by group and month</source>
        <translation>الحضور ونسبة الإشغال حسب المجموعة والشهر</translation>
    </message>
    <message>
        <source>Credits by client and type</source>
        <translation>الرصيد حسب العميل والنوع</translation>
    </message>
    <message>
        <source>Every current member has come within these days.</source>
        <translation>حضر كل الأعضاء الحاليين خلال هذه الأيام.</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>العميل</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>آخر زيارة</translation>
    </message>
    <message>
        <source>Days absent</source>
        <translation>أيام الغياب</translation>
    </message>
    <message>
        <source>No visit in</source>
        <translation>دون زيارة منذ</translation>
    </message>
    <message>
        <source>Attendance by month</source>
        <translation>الحضور حسب الشهر</translation>
    </message>
    <message>
        <source>No group had marks or enrolled clients in this period.</source>
        <translation>لم يكن في أي مجموعة حضور مسجّل أو عملاء مسجّلون في هذه الفترة.</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>الحضور المسجّل</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>البرنامج</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>المجموعة</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>الشهر</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>المسجّلون</translation>
    </message>
    <message>
        <source>Occupancy</source>
        <translation>نسبة الإشغال</translation>
    </message>
    <message>
        <source>Nobody owes anything.</source>
        <translation>لا توجد مبالغ مستحقة على أحد.</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>الدافع</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>العائلة</translation>
    </message>
    <message>
        <source>Invoices owing</source>
        <translation>فواتير غير مسددة</translation>
    </message>
    <message>
        <source>Oldest unpaid invoice</source>
        <translation>أقدم فاتورة غير مسددة</translation>
    </message>
    <message>
        <source>Days owing</source>
        <translation>أيام التأخر</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>تنتهي الفترة قبل أن تبدأ.</translation>
    </message>
    <message>
        <source>Choose dates between {first} and {last}.</source>
        <translation>اختر تواريخ بين {first} و{last}.</translation>
    </message>
    <message>
        <source>Nothing in this period.</source>
        <translation>لا شيء في هذه الفترة.</translation>
    </message>
    <message>
        <source>Listed apart</source>
        <translation>مدرجون على حدة</translation>
    </message>
    <message>
        <source>That client no longer exists.</source>
        <translation>هذا العميل لم يعد موجودًا.</translation>
    </message>
    <message>
        <source>That package no longer exists.</source>
        <translation>هذه الباقة لم تعد موجودة.</translation>
    </message>
    <message>
        <source>That program no longer exists.</source>
        <translation>هذا البرنامج لم يعد موجودًا.</translation>
    </message>
    <message>
        <source>That group no longer exists.</source>
        <translation>هذه المجموعة لم تعد موجودة.</translation>
    </message>
    <message>
        <source>That credit type no longer exists.</source>
        <translation>نوع الرصيد هذا لم يعد موجودًا.</translation>
    </message>
    <message>
        <source>The number of days</source>
        <translation>عدد الأيام</translation>
    </message>
    <message numerus="yes">
        <source>%n clients</source>
        <translation>
            <numerusform>%n عميل</numerusform>
            <numerusform>%n عميل</numerusform>
            <numerusform>%n عميلان</numerusform>
            <numerusform>%n عملاء</numerusform>
            <numerusform>%n عميلًا</numerusform>
            <numerusform>%n عميل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n يوم</numerusform>
            <numerusform>%n يوم</numerusform>
            <numerusform>%n يومان</numerusform>
            <numerusform>%n أيام</numerusform>
            <numerusform>%n يومًا</numerusform>
            <numerusform>%n يوم</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a kind of package from the list.</source>
        <translation>اختر نوع الباقة من القائمة.</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>الباقة</translation>
    </message>
    <message>
        <source>Credit type</source>
        <translation>نوع الرصيد</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>الفترة</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>كل الفترات</translation>
    </message>
    <message>
        <source>No credits were granted or used in this period.</source>
        <translation>لم يُمنح أي رصيد ولم يُستخدم في هذه الفترة.</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>الممنوح</translation>
    </message>
    <message>
        <source>Consumed</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>المنتهي</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>المتبقي</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>ينتهي قريبًا</translation>
    </message>
    <message>
        <source>Next expiry</source>
        <translation>أقرب انتهاء</translation>
    </message>
    <message>
        <source>Expiring within</source>
        <translation>ينتهي خلال</translation>
    </message>
    <message numerus="yes">
        <source>Ending within %n days</source>
        <translation>
            <numerusform>تنتهي خلال %n يوم</numerusform>
            <numerusform>تنتهي خلال %n يوم</numerusform>
            <numerusform>تنتهي خلال %n يومين</numerusform>
            <numerusform>تنتهي خلال %n أيام</numerusform>
            <numerusform>تنتهي خلال %n يومًا</numerusform>
            <numerusform>تنتهي خلال %n يوم</numerusform>
        </translation>
    </message>
    <message>
        <source>Revenue by month</source>
        <translation>الإيراد حسب الشهر</translation>
    </message>
    <message>
        <source>New</source>
        <translation>جديدة</translation>
    </message>
    <message>
        <source>Renewed</source>
        <translation>مجدَّدة</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>مفقودة</translation>
    </message>
    <message>
        <source>Current members</source>
        <translation>الأعضاء الحاليون</translation>
    </message>
    <message>
        <source>New this month</source>
        <translation>جديدة هذا الشهر</translation>
    </message>
    <message>
        <source>Renewed this month</source>
        <translation>مجدَّدة هذا الشهر</translation>
    </message>
    <message>
        <source>Lost this month</source>
        <translation>مفقودة هذا الشهر</translation>
    </message>
    <message>
        <source>Revenue this month</source>
        <translation>إيراد هذا الشهر</translation>
    </message>
    <message>
        <source>Outstanding balance</source>
        <translation>إجمالي المستحقات</translation>
    </message>
    <message>
        <source>Group occupancy</source>
        <translation>إشغال المجموعات</translation>
    </message>
    <message>
        <source>Member movement by month</source>
        <translation>حركة الأعضاء حسب الشهر</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>الإيراد</translation>
    </message>
    <message numerus="yes">
        <source>%n memberships and packs</source>
        <translation>
            <numerusform>%n اشتراك أو باقة</numerusform>
            <numerusform>%n اشتراك أو باقة</numerusform>
            <numerusform>%n اشتراكان أو باقتان</numerusform>
            <numerusform>%n اشتراكات وباقات</numerusform>
            <numerusform>%n اشتراكًا وباقة</numerusform>
            <numerusform>%n اشتراك وباقة</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing ends within these days.</source>
        <translation>لا شيء ينتهي خلال هذه الأيام.</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>ينتهي</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>الأيام المتبقية</translation>
    </message>
    <message>
        <source>Lessons left</source>
        <translation>الحصص المتبقية</translation>
    </message>
    <message>
        <source>Ending within</source>
        <translation>تنتهي خلال</translation>
    </message>
    <message>
        <source>Status now</source>
        <translation>الحالة الآن</translation>
    </message>
    <message numerus="yes">
        <source>%n sales</source>
        <translation>
            <numerusform>%n عملية بيع</numerusform>
            <numerusform>%n عملية بيع</numerusform>
            <numerusform>%n عمليتا بيع</numerusform>
            <numerusform>%n عمليات بيع</numerusform>
            <numerusform>%n عملية بيع</numerusform>
            <numerusform>%n عملية بيع</numerusform>
        </translation>
    </message>
    <message>
        <source>No membership expired in this period.</source>
        <translation>لم ينتهِ أي اشتراك في هذه الفترة.</translation>
    </message>
    <message>
        <source>No membership was renewed in this period.</source>
        <translation>لم يُجدَّد أي اشتراك في هذه الفترة.</translation>
    </message>
    <message>
        <source>No new subscription started in this period.</source>
        <translation>لم يبدأ أي اشتراك جديد في هذه الفترة.</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>البدء</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>الانتهاء</translation>
    </message>
    <message>
        <source>Renewal starts</source>
        <translation>بدء التجديد</translation>
    </message>
    <message>
        <source>Which ended</source>
        <translation>تاريخ انتهائه</translation>
    </message>
    <message>
        <source>Renewed with</source>
        <translation>جُدِّد بباقة</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>يبدأ</translation>
    </message>
    <message>
        <source>Days uncovered</source>
        <translation>أيام دون اشتراك</translation>
    </message>
    <message>
        <source>No payment was taken and nothing was paid back in this period.</source>
        <translation>لم تُستلم أي دفعة ولم يُسترد أي مبلغ في هذه الفترة.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>المبلغ</translation>
    </message>
    <message>
        <source>Top packages</source>
        <translation>أكثر الباقات مبيعًا</translation>
    </message>
    <message>
        <source>No package was sold in this period or the one before.</source>
        <translation>لم تُبع أي باقة في هذه الفترة ولا في الفترة التي قبلها.</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>هذه الفترة</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>الفترة السابقة</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>المبيعات</translation>
    </message>
    <message>
        <source>Sales before</source>
        <translation>المبيعات سابقًا</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>التغيّر</translation>
    </message>
    <message>
        <source>Revenue before</source>
        <translation>الإيراد سابقًا</translation>
    </message>
    <message>
        <source>Revenue change</source>
        <translation>تغيّر الإيراد</translation>
    </message>
    <message>
        <source>Compared with</source>
        <translation>مقارنة بـ</translation>
    </message>
    <message>
        <source>Your {package} ({kind}) ended on {day}.</source>
        <translation>انتهى «{package}» ({kind}) الخاص بك في {day}.</translation>
    </message>
    <message>
        <source>{label} must be one line.</source>
        <translation>يجب أن يكون حقل «{label}» سطرًا واحدًا.</translation>
    </message>
    <message>
        <source>Your {package} ({kind}) ends on {day}.</source>
        <translation>ينتهي «{package}» ({kind}) الخاص بك في {day}.</translation>
    </message>
    <message>
        <source>{label} has a lone {{ or }}: write {{{{ or }}}} for a brace itself.</source>
        <translation>في حقل «{label}» قوس منفرد {{ أو }}: لكتابة القوس نفسه اكتبه مضاعفًا {{{{ أو }}}}.</translation>
    </message>
    <message>
        <source>{label} has an unknown placeholder {shown}. Use only {known}.</source>
        <translation>في حقل «{label}» عنصر نائب غير معروف {shown}. استخدم فقط {known}.</translation>
    </message>
    <message numerus="yes">
        <source>%n days after</source>
        <translation>
            <numerusform>بعد الانتهاء بـ%n يوم</numerusform>
            <numerusform>بعد الانتهاء بـ%n يوم</numerusform>
            <numerusform>بعد الانتهاء بـ%n يومين</numerusform>
            <numerusform>بعد الانتهاء بـ%n أيام</numerusform>
            <numerusform>بعد الانتهاء بـ%n يومًا</numerusform>
            <numerusform>بعد الانتهاء بـ%n يوم</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>التذكيرات</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>التذكير</translation>
    </message>
    <message>
        <source>on the day</source>
        <translation>في يوم الانتهاء</translation>
    </message>
    <message numerus="yes">
        <source>%n days before</source>
        <translation>
            <numerusform>قبل الانتهاء بـ%n يوم</numerusform>
            <numerusform>قبل الانتهاء بـ%n يوم</numerusform>
            <numerusform>قبل الانتهاء بـ%n يومين</numerusform>
            <numerusform>قبل الانتهاء بـ%n أيام</numerusform>
            <numerusform>قبل الانتهاء بـ%n يومًا</numerusform>
            <numerusform>قبل الانتهاء بـ%n يوم</numerusform>
        </translation>
    </message>
    <message>
        <source>No phone or email</source>
        <translation>لا هاتف ولا بريد إلكتروني</translation>
    </message>
    <message>
        <source>No reminders are due today.</source>
        <translation>لا توجد تذكيرات مستحقة اليوم.</translation>
    </message>
    <message>
        <source>No reminder days are set: add them in Settings (e.g. 7, 1, -3).</source>
        <translation>لم تُحدَّد أيام التذكير: أضفها في الإعدادات (مثلًا 7، 1، -3).</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>Offsets</source>
        <translation>مواعيد التذكير</translation>
    </message>
    <message>
        <source>no reminder days set</source>
        <translation>لم تُحدَّد أيام للتذكير</translation>
    </message>
    <message numerus="yes">
        <source>%n unpaid lessons</source>
        <translation>
            <numerusform>%n حصة غير مدفوعة</numerusform>
            <numerusform>%n حصة غير مدفوعة</numerusform>
            <numerusform>%n حصتان غير مدفوعتين</numerusform>
            <numerusform>%n حصص غير مدفوعة</numerusform>
            <numerusform>%n حصة غير مدفوعة</numerusform>
            <numerusform>%n حصة غير مدفوعة</numerusform>
        </translation>
    </message>
    <message>
        <source>No lesson is unpaid.</source>
        <translation>لا توجد حصص غير مدفوعة.</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>الحالة المسجّلة</translation>
    </message>
    <message>
        <source>Days unpaid</source>
        <translation>أيام دون دفع</translation>
    </message>
    <message>
        <source>Sold {package} for {price}, {start} to {end}</source>
        <translation>بيعت الباقة «{package}» بسعر {price}، من {start} إلى {end}</translation>
    </message>
    <message>
        <source>Frozen from {start} to {end}; now ends {new_end}</source>
        <translation>جُمِّد من {start} إلى {end}؛ ينتهي الآن في {new_end}</translation>
    </message>
    <message>
        <source>Resumed on {on}; now ends {new_end}</source>
        <translation>استؤنف في {on}؛ ينتهي الآن في {new_end}</translation>
    </message>
    <message>
        <source>Deleted ({package})</source>
        <translation>حُذف ({package})</translation>
    </message>
    <message>
        <source>Cancelled: {reason}</source>
        <translation>أُلغي: {reason}</translation>
    </message>
    <message>
        <source>Card corrected</source>
        <translation>صُحِّحت البطاقة</translation>
    </message>
    <message>
        <source>Invoice {number} issued</source>
        <translation>أُصدرت الفاتورة {number}</translation>
    </message>
    <message>
        <source>Draft changed; total {total}</source>
        <translation>عُدِّلت المسودة؛ الإجمالي {total}</translation>
    </message>
    <message>
        <source>Payment of {amount} taken</source>
        <translation>استُلمت دفعة بقيمة {amount}</translation>
    </message>
    <message>
        <source>Paid back {amount} (credit note {credit_note})</source>
        <translation>رُدَّ مبلغ {amount} (إشعار دائن {credit_note})</translation>
    </message>
    <message>
        <source>Voided: {reason}</source>
        <translation>أُبطلت: {reason}</translation>
    </message>
    <message>
        <source>Emailed to {to}</source>
        <translation>أُرسلت بالبريد الإلكتروني إلى {to}</translation>
    </message>
    <message>
        <source>Payment voided: {reason}</source>
        <translation>أُبطلت الدفعة: {reason}</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>سُجِّل الحضور</translation>
    </message>
    <message>
        <source>Marked {status} on {date}</source>
        <translation>سُجِّل «{status}» في {date}</translation>
    </message>
    <message>
        <source>Mark cleared on {date}</source>
        <translation>أُزيلت العلامة في {date}</translation>
    </message>
    <message>
        <source>Moved to another card</source>
        <translation>نُقلت إلى بطاقة أخرى</translation>
    </message>
    <message>
        <source>Visit corrected</source>
        <translation>صُحِّحت الزيارة</translation>
    </message>
    <message>
        <source>Client added with card {code}</source>
        <translation>أُضيف العميل ببطاقة رقم {code}</translation>
    </message>
    <message>
        <source>{added} clients imported</source>
        <translation>عدد العملاء المستوردين: {added}</translation>
    </message>
    <message>
        <source>A client joined the family</source>
        <translation>انضم عميل إلى العائلة</translation>
    </message>
    <message>
        <source>A client left the family</source>
        <translation>غادر عميل العائلة</translation>
    </message>
    <message>
        <source>The family&apos;s payer changed</source>
        <translation>تغيَّر دافع العائلة</translation>
    </message>
    <message>
        <source>Family renamed {name}</source>
        <translation>أُعيدت تسمية العائلة: {name}</translation>
    </message>
    <message>
        <source>Group {name} created</source>
        <translation>أُنشئت المجموعة {name}</translation>
    </message>
    <message>
        <source>A client enrolled</source>
        <translation>سُجِّل عميل في المجموعة</translation>
    </message>
    <message>
        <source>A client left the group</source>
        <translation>غادر عميل المجموعة</translation>
    </message>
    <message>
        <source>Extra lesson on {date}</source>
        <translation>حصة إضافية في {date}</translation>
    </message>
    <message>
        <source>{clients} marked {status} on {date}</source>
        <translation>سُجِّل «{status}» في {date}: {clients}</translation>
    </message>
    <message>
        <source>Program {name} created</source>
        <translation>أُنشئ البرنامج {name}</translation>
    </message>
    <message>
        <source>Package {name} created at {price}</source>
        <translation>أُنشئت الباقة «{name}» بسعر {price}</translation>
    </message>
    <message>
        <source>User {username} created</source>
        <translation>أُنشئ المستخدم {username}</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>أُعيد تعيين كلمة المرور</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>غُيِّرت كلمة المرور</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message>
        <source>Wrong password typed for {username}</source>
        <translation>كلمة مرور خاطئة للمستخدم {username}</translation>
    </message>
    <message>
        <source>The desk was set up for {business_name}</source>
        <translation>أُعِدَّ البرنامج لـ «{business_name}»</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>غُيِّرت الإعدادات</translation>
    </message>
    <message>
        <source>{units} of {type} used on {on}; {left} left</source>
        <translation>استُخدم {units} من {type} في {on}؛ المتبقي {left}</translation>
    </message>
    <message>
        <source>Use of {units} reversed</source>
        <translation>أُلغي استخدام {units}</translation>
    </message>
    <message>
        <source>Marked {state}</source>
        <translation>سُجِّل: {state}</translation>
    </message>
    <message>
        <source>Note changed</source>
        <translation>عُدِّلت الملاحظة</translation>
    </message>
    <message>
        <source>Moved to {to}</source>
        <translation>نُقل إلى {to}</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>أُضيف</translation>
    </message>
    <message>
        <source>Details changed</source>
        <translation>عُدِّلت البيانات</translation>
    </message>
    <message>
        <source>Made active</source>
        <translation>فُعِّل</translation>
    </message>
    <message>
        <source>Made inactive</source>
        <translation>عُطِّل</translation>
    </message>
    <message>
        <source>No client has the code {code}.</source>
        <translation>لا يوجد عميل بالرمز {code}.</translation>
    </message>
    <message>
        <source>{name} was checked in {minutes} min ago. Record another visit?</source>
        <translation>سُجّل حضور {name} قبل {minutes} دقيقة. تسجيل زيارة أخرى؟</translation>
    </message>
    <message>
        <source>{units} of {name} used; {left} left</source>
        <translation>{name}: استُخدم {units}، والمتبقي {left}</translation>
    </message>
    <message>
        <source>{name}: 1 {unit} taken, {left} left.</source>
        <translation>{name}: خُصم 1 ({unit})، والمتبقي {left}.</translation>
    </message>
    <message>
        <source>{name}: low balance.</source>
        <translation>{name}: الرصيد منخفض.</translation>
    </message>
    <message>
        <source>{name}: {units} expire by {day} (first on {first}).</source>
        <translation>{name}: تنتهي صلاحية {units} بحلول {day} (أولها في {first}).</translation>
    </message>
    <message>
        <source>{name}: low balance, {left} left.</source>
        <translation>{name}: الرصيد منخفض، والمتبقي {left}.</translation>
    </message>
    <message>
        <source>Invoice {number} from {business}</source>
        <translation>الفاتورة {number} من {business}</translation>
    </message>
    <message>
        <source>Membership desk</source>
        <translation>مكتب الاشتراكات</translation>
    </message>
    <message>
        <source>Hello {client},

please find invoice {number} attached.
Total {total} {currency}, balance due {balance} {currency}.

{business}
</source>
        <translation>مرحبًا {client}،

تجدون مرفقة الفاتورة {number}.
الإجمالي {total} {currency}، والمستحق {balance} {currency}.

{business}
</translation>
    </message>
    <message>
        <source>The email could not be sent: {reason}. Nothing was sent.</source>
        <translation>تعذّر إرسال الرسالة: {reason}. لم يُرسل شيء.</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>مخطط</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تم</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>فات</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>ملغى</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>حتى</translation>
    </message>
    <message>
        <source>Lessons used</source>
        <translation>الحصص المستخدمة</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>الفاتورة</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>الدفع</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>المستحق</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>المتاح</translation>
    </message>
    <message>
        <source>Soonest expiry</source>
        <translation>أقرب انتهاء</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>الخدمة</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>الاشتراك</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Moved to</source>
        <translation>نُقل إلى</translation>
    </message>
    <message>
        <source>Moved from</source>
        <translation>نُقل من</translation>
    </message>
    <message>
        <source>Marked by</source>
        <translation>سجّله</translation>
    </message>
    <message>
        <source>Marked at</source>
        <translation>وقت التسجيل</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Nothing in this list with these filters.</source>
        <translation>لا شيء في هذه القائمة بهذه المرشحات.</translation>
    </message>
    <message>
        <source>{name} is already in this group (waiting list).</source>
        <translation>{name} في هذه المجموعة بالفعل (قائمة الانتظار).</translation>
    </message>
    <message>
        <source>card</source>
        <translation>البطاقة</translation>
    </message>
    <message>
        <source>client</source>
        <translation>العميل</translation>
    </message>
    <message>
        <source>credit type</source>
        <translation>نوع الرصيد</translation>
    </message>
    <message>
        <source>credit use</source>
        <translation>استخدام الرصيد</translation>
    </message>
    <message>
        <source>family</source>
        <translation>العائلة</translation>
    </message>
    <message>
        <source>group</source>
        <translation>المجموعة</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>الفاتورة</translation>
    </message>
    <message>
        <source>lesson pack</source>
        <translation>باقة حصص</translation>
    </message>
    <message>
        <source>membership</source>
        <translation>اشتراك</translation>
    </message>
    <message>
        <source>package</source>
        <translation>الباقة</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>الدفعة</translation>
    </message>
    <message>
        <source>program</source>
        <translation>البرنامج</translation>
    </message>
    <message>
        <source>service occurrence</source>
        <translation>موعد الخدمة</translation>
    </message>
    <message>
        <source>user</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>الزيارة</translation>
    </message>
    <message>
        <source>attendance status</source>
        <translation>حالة الحضور</translation>
    </message>
    <message>
        <source>client category</source>
        <translation>فئة العملاء</translation>
    </message>
    <message>
        <source>cash drawer</source>
        <translation>الصندوق</translation>
    </message>
    <message>
        <source>This {what} no longer exists.</source>
        <translation>لم يعد هذا السجل موجودًا ({what}).</translation>
    </message>
    <message>
        <source>Save a report as a .pdf, .xlsx or .csv file.</source>
        <translation>احفظ التقرير ملفًا بصيغة ‎.pdf أو ‎.xlsx أو ‎.csv.</translation>
    </message>
    <message>
        <source>credits</source>
        <translation>رصيد</translation>
    </message>
    <message>
        <source>Freeze start</source>
        <translation>بداية التجميد</translation>
    </message>
    <message>
        <source>Freeze end</source>
        <translation>نهاية التجميد</translation>
    </message>
    <message>
        <source>The start date must be within a year of today.</source>
        <translation>يجب أن يكون تاريخ البدء في حدود سنة من اليوم.</translation>
    </message>
    <message>
        <source>The discount</source>
        <translation>الخصم</translation>
    </message>
    <message>
        <source>{name} is archived; restore the client before selling.</source>
        <translation>العميل {name} في الأرشيف؛ أعِده من الأرشيف قبل البيع.</translation>
    </message>
    <message>
        <source>A {kind} is renewed with a {kind} package; “{package}” is a {other} package.</source>
        <translation>يُجدَّد «{kind}» بباقة من النوع نفسه («{kind}»)؛ أما «{package}» فهي من نوع «{other}».</translation>
    </message>
    <message>
        <source>This membership has already been renewed.</source>
        <translation>هذا الاشتراك جُدِّد من قبل.</translation>
    </message>
    <message>
        <source>Only a time membership can be frozen.</source>
        <translation>لا يُجمَّد إلا الاشتراك المحدد بمدة.</translation>
    </message>
    <message>
        <source>A freeze cannot start in the past.</source>
        <translation>لا يمكن أن يبدأ التجميد في الماضي.</translation>
    </message>
    <message>
        <source>The freeze must start within the membership ({first} – {last}).</source>
        <translation>يجب أن يبدأ التجميد ضمن مدة الاشتراك ({first} – {last}).</translation>
    </message>
    <message>
        <source>A freeze lasts {least} to {most} days; this one is {days}.</source>
        <translation>يستمر التجميد من {least} إلى {most} يومًا؛ وهذا التجميد {days} يومًا.</translation>
    </message>
    <message>
        <source>This freeze overlaps another one.</source>
        <translation>هذا التجميد يتداخل مع تجميد آخر.</translation>
    </message>
    <message>
        <source>At most {most} freeze days a year; {used} already used in {year}.</source>
        <translation>الحد الأقصى {most} يوم تجميد في السنة؛ استُخدم منها {used} في {year}.</translation>
    </message>
    <message>
        <source>This sale has payments or visits and cannot be deleted; cancel it instead.</source>
        <translation>لهذا البيع دفعات أو زيارات ولا يمكن حذفه؛ ألغِه بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>This sale has been renewed; delete the renewal first.</source>
        <translation>جُدِّد هذا البيع؛ احذف التجديد أولًا.</translation>
    </message>
    <message>
        <source>Credits of this sale have been used; cancel it instead.</source>
        <translation>استُخدم رصيد هذا البيع؛ ألغِه بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>{package}, {start} – {end}</source>
        <translation>{package}، {start} – {end}</translation>
    </message>
    <message>
        <source>{name} already has a current membership: {package} ({first} – {last}). Renew it instead; the renewal starts on {renewal}.</source>
        <translation>لدى {name} اشتراك ساري بالفعل: {package} ({first} – {last}). جدّده بدلًا من ذلك؛ يبدأ التجديد في {renewal}.</translation>
    </message>
    <message>
        <source>These dates overlap {name}&apos;s membership {package} ({first} – {last}).</source>
        <translation>هذه التواريخ تتداخل مع اشتراك {name}: {package} ({first} – {last}).</translation>
    </message>
    <message>
        <source>This sale has payments: only the owner can cancel it (the money is paid back).</source>
        <translation>لهذا البيع دفعات: لا يلغيه إلا المالك (يُعاد المال).</translation>
    </message>
    <message>
        <source>Sibling discount {percent}%</source>
        <translation>خصم الإخوة {percent}%</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>خصم</translation>
    </message>
    <message>
        <source>Member discount {percent}% ({package})</source>
        <translation>خصم المشترك {percent}% ({package})</translation>
    </message>
    <message>
        <source>This number of days</source>
        <translation>عدد الأيام</translation>
    </message>
    <message>
        <source>This field</source>
        <translation>هذا الحقل</translation>
    </message>
    <message>
        <source>Give up to ten day offsets, like 7, 1, -3.</source>
        <translation>أدخل حتى عشر إزاحات بالأيام، مثل 7، 1، -3.</translation>
    </message>
    <message>
        <source>Must be on or off.</source>
        <translation>إما مفعّل أو غير مفعّل.</translation>
    </message>
    <message>
        <source>Currency must be a three-letter code such as EUR or USD.</source>
        <translation>العملة رمز من ثلاثة أحرف مثل SAR أو USD.</translation>
    </message>
    <message>
        <source>This percentage</source>
        <translation>النسبة المئوية</translation>
    </message>
    <message>
        <source>The cash drawer</source>
        <translation>الصندوق</translation>
    </message>
    <message>
        <source>The default cash drawer must be an active cash drawer.</source>
        <translation>يجب أن يكون الصندوق الافتراضي صندوقًا نشطًا.</translation>
    </message>
    <message>
        <source>Choose one of: {options}.</source>
        <translation>اختر واحدًا من: {options}.</translation>
    </message>
    <message>
        <source>An offset</source>
        <translation>الإزاحة</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>العملة</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>اسم المنشأة</translation>
    </message>
    <message>
        <source>Invoice prefix</source>
        <translation>بادئة رقم الفاتورة</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>الدقائق</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>المنفذ</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>عنوان المرسل</translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation>عدد النسخ الاحتياطية المحفوظة</translation>
    </message>
    <message>
        <source>There is no setting called {key}.</source>
        <translation>لا يوجد إعداد باسم «{key}».</translation>
    </message>
    <message>
        <source>The logo</source>
        <translation>الشعار</translation>
    </message>
    <message>
        <source>The reminder subject</source>
        <translation>موضوع رسالة التذكير</translation>
    </message>
    <message>
        <source>The reminder text</source>
        <translation>نص رسالة التذكير</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>مكتب الاستقبال</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>بالغ</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>طفل</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>طالب</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>حاضر</translation>
    </message>
    <message>
        <source>Absent without notice</source>
        <translation>غائب دون إشعار</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>غائب بعذر</translation>
    </message>
    <message>
        <source>Sick</source>
        <translation>مريض</translation>
    </message>
    <message>
        <source>Trial</source>
        <translation>حصة تجريبية</translation>
    </message>
    <message>
        <source>Makeup</source>
        <translation>حصة تعويضية</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>الفضي</translation>
    </message>
    <message>
        <source>Gym floor at any time. Billed monthly.</source>
        <translation>صالة الأجهزة في أي وقت. يُدفع شهريًا.</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>الذهبي</translation>
    </message>
    <message>
        <source>Gym floor and group classes; 5% off lesson packs and credits.</source>
        <translation>صالة الأجهزة والحصص الجماعية؛ خصم 5% على باقات الحصص والرصيد.</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>البلاتيني</translation>
    </message>
    <message>
        <source>Everything for a year; 10% off lesson packs and credits.</source>
        <translation>كل شيء لمدة سنة؛ خصم 10% على باقات الحصص والرصيد.</translation>
    </message>
    <message>
        <source>This database is already set up; sign in instead.</source>
        <translation>قاعدة البيانات هذه مُعدّة بالفعل؛ سجّل الدخول بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>A membership that is {status} cannot be renewed.</source>
        <translation>لا يمكن تجديد اشتراك حالته «{status}».</translation>
    </message>
    <message>
        <source>A membership that is {status} cannot be frozen.</source>
        <translation>لا يمكن تجميد اشتراك حالته «{status}».</translation>
    </message>
    <message>
        <source>A membership that is {status} cannot be resumed.</source>
        <translation>لا يمكن استئناف اشتراك حالته «{status}».</translation>
    </message>
    <message>
        <source>A membership that is {status} cannot be cancelled.</source>
        <translation>لا يمكن إلغاء اشتراك حالته «{status}».</translation>
    </message>
    <message>
        <source>A membership that is {status} cannot be deleted.</source>
        <translation>لا يمكن حذف اشتراك حالته «{status}».</translation>
    </message>
    <message>
        <source>A membership that is {status} cannot be used for a check-in.</source>
        <translation>لا يُستخدم اشتراك حالته «{status}» لتسجيل الحضور.</translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>لم يبدأ بعد</translation>
    </message>
    <message>
        <source>active</source>
        <translation>ساري</translation>
    </message>
    <message>
        <source>in grace</source>
        <translation>فترة سماح</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>مجمَّد</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>منتهٍ</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>ملغى</translation>
    </message>
    <message>
        <source>none</source>
        <translation>لا يوجد</translation>
    </message>
    <message>
        <source>The file&apos;s text encoding is not UTF-8 or Windows-1251.</source>
        <translation>ترميز نص الملف ليس UTF-8 ولا Windows-1251.</translation>
    </message>
    <message>
        <source>“{text}” is not a date like 2016-05-31 or 31.05.2016.</source>
        <translation>«{text}» ليس تاريخًا مثل 2016-05-31 أو 31.05.2016.</translation>
    </message>
    <message>
        <source>Export to a .csv or .xlsx file.</source>
        <translation>صدِّر إلى ملف ‎.csv أو ‎.xlsx.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <source>The file contains NUL bytes: it is not a text (CSV) file.</source>
        <translation>في الملف بايتات NUL: ليس ملفًا نصيًا (CSV).</translation>
    </message>
    <message>
        <source>The file is larger than 20 MB.</source>
        <translation>الملف أكبر من 20 ميغابايت.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>الملف فارغ.</translation>
    </message>
    <message>
        <source>The file has more than {most} rows; split it.</source>
        <translation>في الملف أكثر من {most} صف؛ قسّمه.</translation>
    </message>
    <message>
        <source>Choose which column holds the names.</source>
        <translation>اختر العمود الذي فيه الأسماء.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>لا يمكن قراءة الملف.</translation>
    </message>
    <message>
        <source>There is no category “{category}”.</source>
        <translation>لا توجد فئة «{category}».</translation>
    </message>
    <message>
        <source>The file is not a readable XLSX workbook.</source>
        <translation>الملف ليس مصنف XLSX مقروءًا.</translation>
    </message>
    <message>
        <source>The file is not valid CSV ({problem}); check for an unterminated quote.</source>
        <translation>الملف ليس CSV صالحًا ({problem})؛ تحقّق من علامة اقتباس غير مغلقة.</translation>
    </message>
    <message>
        <source>A cell is longer than {most} characters.</source>
        <translation>خلية أطول من {most} حرفًا.</translation>
    </message>
    <message>
        <source>Line {line}: {problem} Nothing was imported.</source>
        <translation>السطر {line}: {problem} لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>اسم المستخدم أو كلمة المرور غير صحيحة.</translation>
    </message>
    <message>
        <source>The password needs at least {least} characters.</source>
        <translation>تحتاج كلمة المرور إلى {least} أحرف على الأقل.</translation>
    </message>
    <message>
        <source>The password is too long.</source>
        <translation>كلمة المرور طويلة جدًا.</translation>
    </message>
    <message>
        <source>A user name cannot contain spaces.</source>
        <translation>لا يمكن أن يحتوي اسم المستخدم على مسافات.</translation>
    </message>
    <message>
        <source>This database has no owner account yet.</source>
        <translation>لا يوجد في قاعدة البيانات هذه حساب مالك بعد.</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>اختر دورًا.</translation>
    </message>
    <message>
        <source>There is already a user called {name}.</source>
        <translation>يوجد مستخدم باسم {name} بالفعل.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>كلمتا المرور مختلفتان.</translation>
    </message>
    <message>
        <source>{name} is the last active owner: make another user an owner first.</source>
        <translation>{name} هو آخر مالك نشط: اجعل مستخدمًا آخر مالكًا أولًا.</translation>
    </message>
    <message>
        <source>You cannot switch off your own account.</source>
        <translation>لا يمكنك إيقاف حسابك أنت.</translation>
    </message>
    <message>
        <source>Active must be on or off.</source>
        <translation>«نشط» إما مفعّل أو غير مفعّل.</translation>
    </message>
    <message>
        <source>You cannot change your own role; ask another owner.</source>
        <translation>لا يمكنك تغيير دورك أنت؛ اطلب ذلك من مالك آخر.</translation>
    </message>
    <message>
        <source>Change your own password with File › Change password…; it asks for the old one.</source>
        <translation>غيّر كلمة مرورك من ملف › تغيير كلمة المرور…؛ حيث تُطلب القديمة.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>كلمة المرور الحالية غير صحيحة.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: try again in {seconds} s.</source>
        <translation>محاولات خاطئة كثيرة: حاول مجددًا بعد {seconds} ث.</translation>
    </message>
    <message>
        <source>This account is switched off. Ask the owner.</source>
        <translation>هذا الحساب موقوف. راجع المالك.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <source>Another computer saved this record at the same moment, so nothing was saved here. Open it again to see what is saved now.</source>
        <translation>حفظ جهاز آخر هذا السجل في اللحظة نفسها، لذا لم يُحفظ شيء هنا. افتحه من جديد لترى ما هو محفوظ الآن.</translation>
    </message>
    <message>
        <source>This client</source>
        <translation>العميل</translation>
    </message>
    <message>
        <source>This package</source>
        <translation>الباقة</translation>
    </message>
    <message>
        <source>This group</source>
        <translation>المجموعة</translation>
    </message>
    <message>
        <source>This user</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <source>A setting on this page</source>
        <translation>إعداد في هذه الصفحة</translation>
    </message>
    <message>
        <source>{what} was changed by {who} at {when} meanwhile, so your change was not saved. The form now shows the saved values: make your change again if it is still needed.</source>
        <translation>{what}: حفظ {who} تغييرات في {when} في هذه الأثناء، لذا لم يُحفظ تغييرك. يعرض النموذج الآن القيم المحفوظة: أعد إجراء التغيير إن كان لا يزال لازمًا.</translation>
    </message>
    <message>
        <source>{what} was changed by {who} meanwhile, so your change was not saved. The form now shows the saved values: make your change again if it is still needed.</source>
        <translation>{what}: حفظ {who} تغييرات في هذه الأثناء، لذا لم يُحفظ تغييرك. يعرض النموذج الآن القيم المحفوظة: أعد إجراء التغيير إن كان لا يزال لازمًا.</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>مستخدم آخر</translation>
    </message>
    <message>
        <source>the desk itself</source>
        <translation>البرنامج نفسه</translation>
    </message>
    <message>
        <source>The database file {file} has damaged pages. Restore a backup.</source>
        <translation>في ملف قاعدة البيانات {file} صفحات تالفة. استعد نسخة احتياطية.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was saved.</source>
        <translation>أُلغي: لم يُحفظ شيء.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>حقل «{label}» مطلوب.</translation>
    </message>
    <message>
        <source>{label} contains a broken character (half of a pair): type it again.</source>
        <translation>في حقل «{label}» حرف تالف (نصف زوج): اكتبه من جديد.</translation>
    </message>
    <message>
        <source>{label} contains characters that cannot be stored.</source>
        <translation>في حقل «{label}» أحرف لا يمكن حفظها.</translation>
    </message>
    <message>
        <source>{label} is too long ({length} characters; at most {most}).</source>
        <translation>حقل «{label}» طويل جدًا ({length} حرفًا؛ الحد الأقصى {most}).</translation>
    </message>
    <message>
        <source>{label} must be on one line.</source>
        <translation>يجب أن يكون حقل «{label}» في سطر واحد.</translation>
    </message>
    <message>
        <source>{label} contains a hidden character that changes the writing direction: type it again without it.</source>
        <translation>في حقل «{label}» حرف مخفي يغيّر اتجاه الكتابة: اكتبه من جديد بدونه.</translation>
    </message>
    <message>
        <source>{label} cannot be negative.</source>
        <translation>لا يمكن أن يكون حقل «{label}» سالبًا.</translation>
    </message>
    <message>
        <source>{label} is too large.</source>
        <translation>قيمة حقل «{label}» كبيرة جدًا.</translation>
    </message>
    <message>
        <source>{label} must be between 0 and 100.</source>
        <translation>يجب أن يكون حقل «{label}» بين 0 و100.</translation>
    </message>
    <message>
        <source>{label} must be between {minimum} and {maximum}.</source>
        <translation>يجب أن يكون حقل «{label}» بين {minimum} و{maximum}.</translation>
    </message>
    <message>
        <source>{label} must be a date.</source>
        <translation>يجب أن يكون حقل «{label}» تاريخًا.</translation>
    </message>
    <message>
        <source>{label} must be between {first} and {last}.</source>
        <translation>حقل «{label}»: يجب أن تكون السنة بين {first} و{last}.</translation>
    </message>
    <message>
        <source>{label} does not look like an email address.</source>
        <translation>حقل «{label}» لا يبدو عنوان بريد إلكتروني.</translation>
    </message>
    <message>
        <source>{label} must be a colour like #33aa55.</source>
        <translation>يجب أن يكون حقل «{label}» لونًا مثل #33aa55.</translation>
    </message>
    <message>
        <source>{label} must be an amount like {example}.</source>
        <translation>يجب أن يكون حقل «{label}» مبلغًا مثل {example}.</translation>
    </message>
    <message>
        <source>{label} must be more than zero.</source>
        <translation>يجب أن يكون حقل «{label}» أكبر من صفر.</translation>
    </message>
    <message>
        <source>{label} must be a percentage like 10 or 12.5.</source>
        <translation>يجب أن يكون حقل «{label}» نسبة مئوية مثل 10 أو 12.5.</translation>
    </message>
    <message>
        <source>{label} must be a whole number.</source>
        <translation>يجب أن يكون حقل «{label}» عددًا صحيحًا.</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Not done</source>
        <translation>لم يتم</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>لم يُحفظ</translation>
    </message>
    <message>
        <source>Not shown</source>
        <translation>لم يُعرض</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <source>New package</source>
        <translation>باقة جديدة</translation>
    </message>
    <message>
        <source>Edit package</source>
        <translation>تعديل الباقة</translation>
    </message>
    <message>
        <source>Can be sold</source>
        <translation>معروضة للبيع</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— اختر —</translation>
    </message>
    <message>
        <source>none</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>السعر</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>الفوترة</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>المدة</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>البرنامج</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>الحصص</translation>
    </message>
    <message>
        <source>Member discount %</source>
        <translation>خصم الأعضاء ٪</translation>
    </message>
    <message>
        <source>Included credits</source>
        <translation>الرصيد المشمول</translation>
    </message>
    <message>
        <source>Recurring services</source>
        <translation>الخدمات الدورية</translation>
    </message>
</context>
<context>
    <name>PackagesScreen</name>
    <message>
        <source>Packages</source>
        <translation>الباقات</translation>
    </message>
    <message>
        <source>What is sold</source>
        <translation>ما يُباع</translation>
    </message>
    <message>
        <source>Programs and groups</source>
        <translation>البرامج والمجموعات</translation>
    </message>
    <message>
        <source>New package…</source>
        <translation>باقة جديدة…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>تعديل…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>إيقاف البيع</translation>
    </message>
    <message>
        <source>Changing a package changes future sales only; past sales keep what was sold.</source>
        <translation>تعديل الباقة يغيّر المبيعات القادمة فقط؛ المبيعات السابقة تبقى كما بيعت.</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>إعادة للبيع</translation>
    </message>
    <message>
        <source>{name} can no longer be sold</source>
        <translation>لم يعد {name} معروضًا للبيع</translation>
    </message>
    <message>
        <source>{name} is on sale again</source>
        <translation>{name} معروض للبيع مجددًا</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change your password</source>
        <translation>تغيير كلمة المرور</translation>
    </message>
    <message>
        <source>New password for {name}</source>
        <translation>كلمة مرور جديدة لـ {name}</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>كلمة المرور الحالية</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>كلمة المرور الجديدة</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>تكرار كلمة المرور الجديدة</translation>
    </message>
    <message>
        <source>Your password is changed</source>
        <translation>تغيّرت كلمة مرورك</translation>
    </message>
    <message>
        <source>New password set for {name}</source>
        <translation>عُيّنت كلمة مرور جديدة لـ {name}</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment for invoice {number}</source>
        <translation>دفعة للفاتورة {number}</translation>
    </message>
    <message>
        <source>{client} · total {total} · paid {paid} · due {due}</source>
        <translation>{client} · الإجمالي {total} · المدفوع {paid} · المستحق {due}</translation>
    </message>
    <message>
        <source>No cash drawer</source>
        <translation>بلا صندوق</translation>
    </message>
    <message>
        <source>Receipt, transfer or cheque number (optional)</source>
        <translation>رقم الإيصال أو الحوالة أو الشيك (اختياري)</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>إرفاق ملف…</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>المبلغ</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>الطريقة</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>الصندوق</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>الملفات</translation>
    </message>
    <message>
        <source>Take payment</source>
        <translation>استلام الدفعة</translation>
    </message>
    <message>
        <source>Skip: pay later</source>
        <translation>تخطٍّ: الدفع لاحقًا</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>إرفاق ملفات</translation>
    </message>
    <message>
        <source>Payment of {amount} taken</source>
        <translation>استُلمت دفعة {amount}</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Print…</source>
        <translation>طباعة…</translation>
    </message>
    <message>
        <source>Open in another program</source>
        <translation>فتح في برنامج آخر</translation>
    </message>
    <message>
        <source>No PDF viewer</source>
        <translation>لا يوجد عارض PDF</translation>
    </message>
    <message>
        <source>No program to open PDF files is installed on this computer. The preview here shows the same file, and Print… prints it. It is saved at {path}.</source>
        <translation>لا يوجد برنامج لفتح ملفات PDF على هذا الجهاز. المعاينة هنا تعرض الملف نفسه، و«طباعة…» تطبعه. وهو محفوظ في {path}.</translation>
    </message>
</context>
<context>
    <name>ProgramDialog</name>
    <message>
        <source>Program</source>
        <translation>البرنامج</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Base lesson price</source>
        <translation>السعر الأساسي للحصة</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
</context>
<context>
    <name>ProgramsPanel</name>
    <message>
        <source>New program…</source>
        <translation>برنامج جديد…</translation>
    </message>
    <message>
        <source>Edit program…</source>
        <translation>تعديل البرنامج…</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>مجموعة جديدة…</translation>
    </message>
    <message>
        <source>Group and its clients…</source>
        <translation>المجموعة وعملاؤها…</translation>
    </message>
</context>
<context>
    <name>ProgressShown</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>جارٍ الإيقاف…</translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <source>Export clients</source>
        <translation>تصدير العملاء</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</source>
        <translation>مصنف Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting clients</source>
        <translation>تصدير العملاء</translation>
    </message>
    <message>
        <source>{n} clients exported to {file}</source>
        <translation>صُدّر {n} عميل إلى {file}</translation>
    </message>
    <message>
        <source>Save member cards</source>
        <translation>حفظ بطاقات العضوية</translation>
    </message>
    <message>
        <source>Making member cards</source>
        <translation>إعداد بطاقات العضوية</translation>
    </message>
    <message>
        <source>Member cards saved to {file}</source>
        <translation>حُفظت بطاقات العضوية في {file}</translation>
    </message>
    <message>
        <source>Sale {number} saved, {paid} paid</source>
        <translation>حُفظت عملية البيع {number}، المدفوع {paid}</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>The database cannot be opened</source>
        <translation>تعذّر فتح قاعدة البيانات</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>اختر ملفًا آخر…</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>استعادة نسخة احتياطية…</translation>
    </message>
    <message>
        <source>Create a new database here</source>
        <translation>إنشاء قاعدة بيانات جديدة هنا</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation>فتح قاعدة بيانات</translation>
    </message>
    <message>
        <source>Desk database (*.sqlite3 *.db)</source>
        <translation>قاعدة بيانات المكتب (*.sqlite3 *.db)</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>لم تُستعد</translation>
    </message>
    <message>
        <source>Create a new, empty database there, or open the right file.</source>
        <translation>أنشئ قاعدة بيانات جديدة فارغة هناك، أو افتح الملف الصحيح.</translation>
    </message>
    <message>
        <source>Nothing was changed. Restore one of the automatic backups to continue.</source>
        <translation>لم يتغير شيء. استعد إحدى النسخ الاحتياطية التلقائية للمتابعة.</translation>
    </message>
    <message>
        <source>Nothing was changed. Use the newer program, or restore a backup.</source>
        <translation>لم يتغير شيء. استخدم الإصدار الأحدث من البرنامج أو استعد نسخة احتياطية.</translation>
    </message>
    <message>
        <source>Another program holds the file. Close it, then try again.</source>
        <translation>برنامج آخر يستخدم الملف. أغلقه ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>Move the file to a folder you can write to, or open another file.</source>
        <translation>انقل الملف إلى مجلد يمكنك الكتابة فيه، أو افتح ملفًا آخر.</translation>
    </message>
    <message>
        <source>Check the file&apos;s permissions, or open another file.</source>
        <translation>افحص صلاحيات الملف، أو افتح ملفًا آخر.</translation>
    </message>
    <message>
        <source>Check the network and the server, then try again.</source>
        <translation>افحص الشبكة والخادم، ثم أعد المحاولة.</translation>
    </message>
    <message>
        <source>Nothing was opened. Copy the file to this PC, or use a PostgreSQL server.</source>
        <translation>لم يُفتح شيء. انسخ الملف إلى هذا الجهاز، أو استخدم خادم PostgreSQL.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Not done</source>
        <translation>لم يتم</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n يوم</numerusform>
            <numerusform>%n يوم</numerusform>
            <numerusform>%n يومان</numerusform>
            <numerusform>%n أيام</numerusform>
            <numerusform>%n يومًا</numerusform>
            <numerusform>%n يوم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n أسبوع</numerusform>
            <numerusform>%n أسبوع</numerusform>
            <numerusform>%n أسبوعان</numerusform>
            <numerusform>%n أسابيع</numerusform>
            <numerusform>%n أسبوعًا</numerusform>
            <numerusform>%n أسبوع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n شهر</numerusform>
            <numerusform>%n شهر</numerusform>
            <numerusform>%n شهران</numerusform>
            <numerusform>%n أشهر</numerusform>
            <numerusform>%n شهرًا</numerusform>
            <numerusform>%n شهر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n سنة</numerusform>
            <numerusform>%n سنة</numerusform>
            <numerusform>%n سنتان</numerusform>
            <numerusform>%n سنوات</numerusform>
            <numerusform>%n سنة</numerusform>
            <numerusform>%n سنة</numerusform>
        </translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>حدث خطأ ما</translation>
    </message>
    <message>
        <source>This is a bug in the program. Nothing of this action was saved.
The details are in {log} for the support team.</source>
        <translation>هذا خلل في البرنامج. لم يُحفظ شيء من هذا الإجراء.
التفاصيل لفريق الدعم في {log}.</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>المالك</translation>
    </message>
    <message>
        <source>Receptionist</source>
        <translation>موظف الاستقبال</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>المدرّب</translation>
    </message>
</context>
<context>
    <name>QWidget</name>
    <message>
        <source>{name} saved</source>
        <translation>حُفظ {name}</translation>
    </message>
    <message>
        <source>Sending the invoice to {to}</source>
        <translation>إرسال الفاتورة إلى {to}</translation>
    </message>
    <message>
        <source>Invoice {number} sent to {to}</source>
        <translation>أُرسلت الفاتورة {number} إلى {to}</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>{amount} paid on it is paid back today (a refund with a credit note). The payments stay on their days.</source>
        <translation>يُردّ اليوم {amount} المدفوع عليها (استرداد بإشعار دائن). تبقى الدفعات في أيامها.</translation>
    </message>
    <message>
        <source>No cash drawer</source>
        <translation>بلا صندوق</translation>
    </message>
    <message>
        <source>Paid back by</source>
        <translation>طريقة الرد</translation>
    </message>
    <message>
        <source>From cash drawer</source>
        <translation>من الصندوق</translation>
    </message>
    <message>
        <source>Pay back and void</source>
        <translation>ردّ المبلغ والإلغاء</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>RemindersPage</name>
    <message>
        <source>Reminders</source>
        <translation>التذكيرات</translation>
    </message>
    <message>
        <source>Email all…</source>
        <translation>مراسلة الجميع…</translation>
    </message>
    <message>
        <source>No phone and no email: listed apart, to be reached another way</source>
        <translation>بلا هاتف ولا بريد: في قائمة منفصلة للتواصل بطريقة أخرى</translation>
    </message>
    <message>
        <source>Reading the reminders due</source>
        <translation>قراءة التذكيرات المستحقة</translation>
    </message>
    <message>
        <source>{due} due today ({offsets}); {emails} with an email address.</source>
        <translation>المستحق اليوم: {due} ({offsets})؛ لديهم بريد: {emails}.</translation>
    </message>
    <message>
        <source>Email all</source>
        <translation>مراسلة الجميع</translation>
    </message>
    <message>
        <source>Send the reminder email to {count} clients now?</source>
        <translation>إرسال رسالة التذكير إلى {count} عميل الآن؟</translation>
    </message>
    <message>
        <source>Emailing {count} reminders</source>
        <translation>إرسال {count} تذكير</translation>
    </message>
    <message>
        <source>Reminders: {sent} sent, {other} not sent</source>
        <translation>التذكيرات: أُرسل {sent}، لم يُرسل {other}</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>أُرسل</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>رُفض</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>لم يُرسل</translation>
    </message>
    <message>
        <source>Cancel was pressed before it was sent</source>
        <translation>ضُغط إلغاء قبل الإرسال</translation>
    </message>
    <message>
        <source>Already sent from another PC meanwhile</source>
        <translation>أُرسل من جهاز آخر في الأثناء</translation>
    </message>
    <message>
        <source>Email results: {sent} sent and recorded; {other} not sent, still due</source>
        <translation>نتيجة المراسلة: أُرسل وسُجّل {sent}؛ لم يُرسل {other} وما زال مستحقًا</translation>
    </message>
</context>
<context>
    <name>ReportFiles</name>
    <message>
        <source>Save report as PDF</source>
        <translation>حفظ التقرير كملف PDF</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>تصدير التقرير</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>مصنف Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saving {title}</source>
        <translation>حفظ {title}</translation>
    </message>
    <message>
        <source>{title} saved to {file}</source>
        <translation>حُفظ {title} في {file}</translation>
    </message>
    <message>
        <source>Export {title}</source>
        <translation>تصدير {title}</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</source>
        <translation>مصنف Excel (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting {title}</source>
        <translation>تصدير {title}</translation>
    </message>
    <message>
        <source>{n} rows exported to {file}</source>
        <translation>صُدّر {n} سطر إلى {file}</translation>
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
        <translation>عرض</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>حفظ كملف PDF…</translation>
    </message>
    <message>
        <source>Choose the filters and press Show.</source>
        <translation>اختر عوامل التصفية واضغط «عرض».</translation>
    </message>
    <message>
        <source>Sorting the report</source>
        <translation>جارٍ ترتيب التقرير</translation>
    </message>
    <message>
        <source>Making {title}</source>
        <translation>إعداد {title}</translation>
    </message>
    <message>
        <source>Stopped: the report was not made. Press Show to make it.</source>
        <translation>أُوقف: لم يُعدّ التقرير. اضغط «عرض» لإعداده.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>الإجمالي</translation>
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
        <translation>التقارير</translation>
    </message>
    <message>
        <source>Day takings</source>
        <translation>إيراد اليوم</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>لوحة المؤشرات</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>التذكيرات</translation>
    </message>
</context>
<context>
    <name>Reschedule</name>
    <message>
        <source>Reschedule</source>
        <translation>تغيير الموعد</translation>
    </message>
    <message>
        <source>{service} of {client}: a new date within {start} – {end}</source>
        <translation>{service} ({client}): تاريخ جديد بين {start} – {end}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>استعادة نسخة احتياطية</translation>
    </message>
    <message>
        <source>The current data is backed up first, then replaced by the copy you choose. Everything entered after that copy was made is in the backup of the current data.</source>
        <translation>تُنسخ البيانات الحالية احتياطيًا أولًا، ثم تُستبدل بالنسخة التي تختارها. كل ما أُدخل بعد إنشاء تلك النسخة موجود في نسخة البيانات الحالية.</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>يومية</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>نسخ احتياطي الآن</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>قبل التحديث</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>قبل الاستعادة</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>تتعذر قراءتها</translation>
    </message>
    <message>
        <source>There are no backups of this database yet.</source>
        <translation>لا نسخ احتياطية لقاعدة البيانات هذه بعد.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>استعادة</translation>
    </message>
    <message>
        <source>Replace the current data with the copy made {made}? The current data is backed up first.</source>
        <translation>استبدال البيانات الحالية بالنسخة المنشأة في {made}؟ تُنسخ البيانات الحالية احتياطيًا أولًا.</translation>
    </message>
</context>
<context>
    <name>SaleDialog</name>
    <message>
        <source>Renew membership</source>
        <translation>تجديد الاشتراك</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>بيع</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختر…</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>العميل</translation>
    </message>
    <message>
        <source>Optional; the package&apos;s description by default</source>
        <translation>اختياري؛ وصف الباقة افتراضيًا</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>الباقة</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>تاريخ البدء</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>تاريخ الانتهاء</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <source>Extra discount</source>
        <translation>خصم إضافي</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>الفاتورة</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>الإجمالي</translation>
    </message>
    <message>
        <source>Save and take payment</source>
        <translation>حفظ واستلام الدفعة</translation>
    </message>
    <message>
        <source>No client chosen</source>
        <translation>لم يُختر عميل</translation>
    </message>
    <message>
        <source>Sell to</source>
        <translation>البيع إلى</translation>
    </message>
    <message>
        <source>Tax {rate}%: {tax}</source>
        <translation>الضريبة {rate}%: {tax}</translation>
    </message>
    <message>
        <source>Choose a client first.</source>
        <translation>اختر عميلًا أولًا.</translation>
    </message>
    <message>
        <source>Already a member</source>
        <translation>مشترك بالفعل</translation>
    </message>
    <message>
        <source>Renew the current membership now?</source>
        <translation>تجديد الاشتراك الحالي الآن؟</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>This PC works on: {where}</source>
        <translation>يعمل هذا الجهاز على: {where}</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>عنوان الخادم</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>اختبار الاتصال</translation>
    </message>
    <message>
        <source>Open this server from the next start</source>
        <translation>فتح هذا الخادم من التشغيل القادم</translation>
    </message>
    <message>
        <source>Trying the server…</source>
        <translation>محاولة الاتصال بالخادم…</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>اختبار الاتصال</translation>
    </message>
    <message>
        <source>This PC opens the server from its next start</source>
        <translation>سيفتح هذا الجهاز الخادم عند تشغيله القادم</translation>
    </message>
</context>
<context>
    <name>ServicesEditor</name>
    <message>
        <source>Service name</source>
        <translation>اسم الخدمة</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>أسبوعيًا</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>شهريًا</translation>
    </message>
    <message>
        <source>every </source>
        <translation>كل </translation>
    </message>
    <message>
        <source> wk</source>
        <translation> أسبوع</translation>
    </message>
    <message>
        <source>day </source>
        <translation>يوم </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>حُفظت الإعدادات</translation>
    </message>
    <message>
        <source>Saved. The new language takes effect after a restart.</source>
        <translation>حُفظ. تسري اللغة الجديدة بعد إعادة التشغيل.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>حُفظ.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
</context>
<context>
    <name>StatusMenu</name>
    <message>
        <source>Clear</source>
        <translation>مسح</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>{reason} Nothing was saved or read.</source>
        <translation>{reason} لم يُحفظ شيء ولم يُقرأ.</translation>
    </message>
    <message>
        <source>The database file has damaged pages, so this was not read or saved. Restore a backup (File › Restore a backup…).</source>
        <translation>في ملف قاعدة البيانات صفحات تالفة، لذا لم يُقرأ هذا ولم يُحفظ. استعد نسخة احتياطية (ملف › استعادة نسخة احتياطية…).</translation>
    </message>
    <message>
        <source>The database server cannot be reached, so nothing was saved or read. Check the network and that the server runs; the desk catches up by itself once it is back.</source>
        <translation>تعذّر الوصول إلى خادم قاعدة البيانات، لذا لم يُحفظ شيء ولم يُقرأ. تحقّق من الشبكة ومن أن الخادم يعمل؛ سيستدرك البرنامج ما فاته بنفسه عند عودته.</translation>
    </message>
    <message>
        <source>Another computer is saving right now. Please try again in a moment.</source>
        <translation>جهاز آخر يحفظ الآن. حاول مرة أخرى بعد لحظة.</translation>
    </message>
    <message>
        <source>The disk is full or failing, so nothing was saved. Free some space and try again.</source>
        <translation>القرص ممتلئ أو معطوب، لذا لم يُحفظ شيء. أفرغ بعض المساحة وحاول مرة أخرى.</translation>
    </message>
    <message>
        <source>The database is read-only, so nothing was saved.</source>
        <translation>قاعدة البيانات للقراءة فقط، لذا لم يُحفظ شيء.</translation>
    </message>
</context>
<context>
    <name>TakingsPage</name>
    <message>
        <source>Save as PDF…</source>
        <translation>حفظ كملف PDF…</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation>الإجمالي: {amount}</translation>
    </message>
    <message>
        <source>(paid back: {amount})</source>
        <translation>(المردود: {amount})</translation>
    </message>
    <message>
        <source>Save takings</source>
        <translation>حفظ الإيراد</translation>
    </message>
    <message>
        <source>Takings saved to {file}</source>
        <translation>حُفظ الإيراد في {file}</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>Client</source>
        <translation>العميل</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>الخدمة</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>الاشتراك</translation>
    </message>
    <message>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Marked</source>
        <translation>سُجّل</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>العملاء</translation>
    </message>
    <message>
        <source>Find, add and edit clients and families.</source>
        <translation>البحث عن العملاء والعائلات وإضافتهم وتعديلهم.</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>الباقات</translation>
    </message>
    <message>
        <source>Memberships, lesson packs and credit bundles for sale.</source>
        <translation>الاشتراكات وباقات الحصص وباقات الرصيد المعروضة للبيع.</translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation>الاشتراكات</translation>
    </message>
    <message>
        <source>Sales, renewals, freezes, invoices and payments.</source>
        <translation>المبيعات والتجديدات والتجميد والفواتير والدفعات.</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>سجل الحضور</translation>
    </message>
    <message>
        <source>Attendance of your groups, lesson by lesson.</source>
        <translation>حضور مجموعاتك حصةً بحصة.</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>الرصيد</translation>
    </message>
    <message>
        <source>Credit balances, top-ups and use.</source>
        <translation>أرصدة العملاء وشحنها وخصمها.</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>جدول اليوم</translation>
    </message>
    <message>
        <source>The day&apos;s recurring services, marked done or missed.</source>
        <translation>خدمات اليوم الدورية، منجزة أو فائتة.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>التقارير</translation>
    </message>
    <message>
        <source>Takings, memberships, attendance and reminders.</source>
        <translation>الإيرادات والاشتراكات والحضور والتذكيرات.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Business profile, statuses, drawers, users and policies.</source>
        <translation>بيانات المنشأة والحالات والصناديق والمستخدمون والقواعد.</translation>
    </message>
    <message>
        <source>Lesson pack</source>
        <translation>باقة حصص</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>الباقة</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>حتى</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>الحصص</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>السعر</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>الفاتورة</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>For</source>
        <translation>مقابل</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>الإجمالي</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>المدفوع</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>المستحق</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <source>Card code</source>
        <translation>رمز البطاقة</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>العائلة</translation>
    </message>
    <message>
        <source>Family payer</source>
        <translation>دافع العائلة</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>وليّ الأمر</translation>
    </message>
    <message>
        <source>Guardian&apos;s phone</source>
        <translation>هاتف وليّ الأمر</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>السطر</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>يصبح</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>الرمز</translation>
    </message>
    <message>
        <source>Valid today</source>
        <translation>ساري اليوم</translation>
    </message>
    <message>
        <source>Soonest expiry</source>
        <translation>أقرب انتهاء</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>الحركة</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>الوحدات</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>الرصيد</translation>
    </message>
    <message>
        <source>By</source>
        <translation>بواسطة</translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation>المستحق</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>الدفع</translation>
    </message>
    <message>
        <source>One-time</source>
        <translation>مرة واحدة</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>شهريًا</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>ربع سنوي</translation>
    </message>
    <message>
        <source>Twice a year</source>
        <translation>مرتين في السنة</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>سنويًا</translation>
    </message>
    <message>
        <source>active</source>
        <translation>معروضة</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>غير معروضة</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>المدة</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>الفوترة</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>البرنامج</translation>
    </message>
    <message>
        <source>Member discount</source>
        <translation>خصم الأعضاء</translation>
    </message>
    <message>
        <source>days</source>
        <translation>أيام</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>أسابيع</translation>
    </message>
    <message>
        <source>months</source>
        <translation>أشهر</translation>
    </message>
    <message>
        <source>years</source>
        <translation>سنوات</translation>
    </message>
    <message>
        <source>Add a lesson time</source>
        <translation>إضافة موعد حصة</translation>
    </message>
    <message>
        <source>Lesson price</source>
        <translation>سعر الحصة</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>المجموعة</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>المدرّب</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>المواعيد</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>القاعة</translation>
    </message>
    <message>
        <source>Mo</source>
        <translation>إث</translation>
    </message>
    <message>
        <source>Tu</source>
        <translation>ثل</translation>
    </message>
    <message>
        <source>We</source>
        <translation>أر</translation>
    </message>
    <message>
        <source>Th</source>
        <translation>خم</translation>
    </message>
    <message>
        <source>Fr</source>
        <translation>جم</translation>
    </message>
    <message>
        <source>Sa</source>
        <translation>سب</translation>
    </message>
    <message>
        <source>Su</source>
        <translation>أح</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>ينا</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>فبر</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>مار</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>أبر</translation>
    </message>
    <message>
        <source>May</source>
        <translation>ماي</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>يون</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>يول</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>أغس</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>سبت</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>أكت</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>نوف</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>ديس</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <source>Add credits</source>
        <translation>إضافة رصيد</translation>
    </message>
    <message>
        <source>Add a recurring service</source>
        <translation>إضافة خدمة دورية</translation>
    </message>
    <message>
        <source>What ends</source>
        <translation>ما ينتهي</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>ينتهي في</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>التذكير</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>الطريقة</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>الصندوق</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>الدفعات</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>المبلغ</translation>
    </message>
    <message>
        <source>Drawer</source>
        <translation>الصندوق</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>استلمها</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>الملفات</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Lesson packs</source>
        <translation>باقات الحصص</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>الاسم الكامل</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>ساري</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>أي شخص</translation>
    </message>
    <message>
        <source>Any client with a membership</source>
        <translation>أي عميل لديه اشتراك</translation>
    </message>
    <message>
        <source>Only current members</source>
        <translation>المشتركون الحاليون فقط</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>المنشأة</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>اسم المنشأة</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>الشعار</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>العملة</translation>
    </message>
    <message>
        <source>Tax rate %</source>
        <translation>نسبة الضريبة ٪</translation>
    </message>
    <message>
        <source>Invoice number prefix</source>
        <translation>بادئة رقم الفاتورة</translation>
    </message>
    <message>
        <source>Language (each user may choose their own: File › Language…)</source>
        <translation>اللغة (لكل مستخدم أن يختار لغته: ملف › اللغة…)</translation>
    </message>
    <message>
        <source>Save membership invoices as drafts to edit before issuing</source>
        <translation>حفظ فواتير الاشتراكات كمسودات لتعديلها قبل الإصدار</translation>
    </message>
    <message>
        <source>Memberships and attendance</source>
        <translation>الاشتراكات والحضور</translation>
    </message>
    <message>
        <source>Grace days after a membership ends</source>
        <translation>أيام السماح بعد انتهاء الاشتراك</translation>
    </message>
    <message>
        <source>Shortest freeze (days)</source>
        <translation>أقصر تجميد (أيام)</translation>
    </message>
    <message>
        <source>Longest freeze (days)</source>
        <translation>أطول تجميد (أيام)</translation>
    </message>
    <message>
        <source>Freeze days a year at most</source>
        <translation>أقصى أيام تجميد في السنة</translation>
    </message>
    <message>
        <source>Who may check in</source>
        <translation>من يُسمح له بالحضور</translation>
    </message>
    <message>
        <source>Ask before a second check-in within (minutes; 0: never)</source>
        <translation>السؤال قبل حضور ثانٍ خلال (دقائق؛ 0: أبدًا)</translation>
    </message>
    <message>
        <source>Days to use a makeup lesson</source>
        <translation>أيام استخدام الحصة التعويضية</translation>
    </message>
    <message>
        <source>Warn of credits expiring within (days)</source>
        <translation>التنبيه لرصيد ينتهي خلال (أيام)</translation>
    </message>
    <message>
        <source>Remind days before (+) or after (-) the end</source>
        <translation>التذكير قبل (+) أو بعد (-) الانتهاء بأيام</translation>
    </message>
    <message>
        <source>Sibling discount % (second and later children)</source>
        <translation>خصم الإخوة ٪ (من الطفل الثاني)</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>خادم SMTP</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>المنفذ</translation>
    </message>
    <message>
        <source>User</source>
        <translation>المستخدم</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>عنوان المرسل</translation>
    </message>
    <message>
        <source>Use TLS</source>
        <translation>استخدام TLS</translation>
    </message>
    <message>
        <source>Reminder email subject</source>
        <translation>موضوع رسالة التذكير</translation>
    </message>
    <message>
        <source>Reminder email text
with {client} {package}
{ends} {business} {items}</source>
        <translation>نص رسالة التذكير
مع {client} {package}
{ends} {business} {items}</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>النسخ الاحتياطية</translation>
    </message>
    <message>
        <source>Backup copies to keep</source>
        <translation>عدد النسخ المحفوظة</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>المستخدمون</translation>
    </message>
    <message>
        <source>Database server</source>
        <translation>خادم قاعدة البيانات</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>أُنشئت</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>المبيعات</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>لم يبدأ بعد</translation>
    </message>
    <message>
        <source>Grace</source>
        <translation>فترة سماح</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>مجمّد</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>منتهٍ</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>ملغى</translation>
    </message>
    <message>
        <source>None</source>
        <translation>لا يوجد</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>نقدًا</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>تحويل بنكي</translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation>شيك</translation>
    </message>
    <message>
        <source>Card / online</source>
        <translation>بطاقة / عبر الإنترنت</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>أخرى</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>صادرة</translation>
    </message>
    <message>
        <source>void</source>
        <translation>ملغاة</translation>
    </message>
    <message>
        <source>unpaid</source>
        <translation>غير مدفوعة</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>مدفوعة</translation>
    </message>
    <message>
        <source>partly paid</source>
        <translation>مدفوعة جزئيًا</translation>
    </message>
    <message>
        <source>Membership active.</source>
        <translation>الاشتراك ساري.</translation>
    </message>
    <message>
        <source>In grace: checked in. Please renew.</source>
        <translation>فترة سماح: سُجّل الحضور. يُرجى التجديد.</translation>
    </message>
    <message>
        <source>Frozen: no check-in until it resumes.</source>
        <translation>مجمّد: لا حضور حتى الاستئناف.</translation>
    </message>
    <message>
        <source>No membership: checked in (policy: anyone).</source>
        <translation>بلا اشتراك: سُجّل الحضور (القاعدة: أي شخص).</translation>
    </message>
    <message>
        <source>Expired: checked in (policy: any member).</source>
        <translation>منتهٍ: سُجّل الحضور (القاعدة: أي مشترك).</translation>
    </message>
    <message>
        <source>The membership has expired.</source>
        <translation>انتهى الاشتراك.</translation>
    </message>
    <message>
        <source>The membership has not started yet.</source>
        <translation>لم يبدأ الاشتراك بعد.</translation>
    </message>
    <message>
        <source>No membership.</source>
        <translation>لا يوجد اشتراك.</translation>
    </message>
    <message>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>مكرر</translation>
    </message>
    <message>
        <source>error</source>
        <translation>خطأ</translation>
    </message>
    <message>
        <source>Attendance statuses</source>
        <translation>حالات الحضور</translation>
    </message>
    <message>
        <source>attendance status</source>
        <translation>حالة حضور</translation>
    </message>
    <message>
        <source>Client categories</source>
        <translation>فئات العملاء</translation>
    </message>
    <message>
        <source>client category</source>
        <translation>فئة عملاء</translation>
    </message>
    <message>
        <source>Cash drawers</source>
        <translation>الصناديق</translation>
    </message>
    <message>
        <source>cash drawer</source>
        <translation>صندوق</translation>
    </message>
    <message>
        <source>Credit types</source>
        <translation>أنواع الرصيد</translation>
    </message>
    <message>
        <source>credit type</source>
        <translation>نوع رصيد</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>الحرف</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <source>Charges a lesson</source>
        <translation>تُحتسب حصة</translation>
    </message>
    <message>
        <source>Gives a makeup</source>
        <translation>تمنح حصة تعويضية</translation>
    </message>
    <message>
        <source>Uses a makeup</source>
        <translation>تستخدم حصة تعويضية</translation>
    </message>
    <message>
        <source>May attend lessons</source>
        <translation>يحق له حضور الحصص</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>الوحدة</translation>
    </message>
    <message>
        <source>Used at check-in</source>
        <translation>يُخصم عند الحضور</translation>
    </message>
    <message>
        <source>Low balance at</source>
        <translation>رصيد منخفض عند</translation>
    </message>
    <message>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <source>What</source>
        <translation>ما الذي جرى</translation>
    </message>
</context>
<context>
    <name>UseDialog</name>
    <message>
        <source>Use credits</source>
        <translation>خصم من الرصيد</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>العميل</translation>
    </message>
    <message>
        <source>{n}   {name}: {left} left, soonest until {until}</source>
        <translation>{n}   {name}: المتبقي {left}، أقربها حتى {until}</translation>
    </message>
    <message>
        <source>Credit type</source>
        <translation>نوع الرصيد</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>الوحدات</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Press a type&apos;s number to record one unit at once; Save records the units set.</source>
        <translation>اضغط رقم النوع لخصم وحدة واحدة فورًا؛ «حفظ» يخصم الوحدات المحددة.</translation>
    </message>
    <message>
        <source>This client holds no credits valid today: top up first.</source>
        <translation>ليس لدى هذا العميل رصيد ساري اليوم: اشحن أولًا.</translation>
    </message>
    <message>
        <source>Choose a credit type.</source>
        <translation>اختر نوع الرصيد.</translation>
    </message>
    <message>
        <source>{units} of {type} used; {left} left</source>
        <translation>خُصم {units} من {type}؛ المتبقي {left}</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New user</source>
        <translation>مستخدم جديد</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>الاسم الكامل</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <source>User {username} added</source>
        <translation>أُضيف المستخدم {username}</translation>
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <source>Change user {username}</source>
        <translation>تعديل المستخدم {username}</translation>
    </message>
    <message>
        <source>May sign in</source>
        <translation>يحق له الدخول</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>الاسم الكامل</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <source>User {username} saved</source>
        <translation>حُفظ المستخدم {username}</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>switched off</source>
        <translation>معطّل</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>إضافة مستخدم…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>تعديل…</translation>
    </message>
    <message>
        <source>Switch off / on</source>
        <translation>تعطيل / تفعيل</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>إعادة تعيين كلمة المرور…</translation>
    </message>
    <message>
        <source>{name} switched on</source>
        <translation>فُعّل {name}</translation>
    </message>
    <message>
        <source>{name} switched off</source>
        <translation>عُطّل {name}</translation>
    </message>
</context>
</TS>
