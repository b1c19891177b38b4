<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AgendaScreen</name>
    <message>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> → {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (from {day})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when} {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is due on this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} due · {done} done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} of {client} marked {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for {service} of {client}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} of {client} moved to {day}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Backing up the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup saved: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your work is saved as usual. Free some space or check the backups folder, then use File › Back up now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the owner to restore the newest sound backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work saved from now on may be lost with the damaged pages. Restore the newest sound backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup restored: {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupsNote</name>
    <message>
        <source>A checked copy of the database is made on start and daily into {folder} (File › Back up now makes one at once).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is on a server: this PC saves a copy of it with pg_dump on start and daily into {folder} (File › Back up now makes one at once).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is on a server and pg_dump is not installed on this PC, so this PC makes no copies: the server&apos;s own backups apply. Ask whoever looks after the server how and when it is backed up.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardFields</name>
    <message>
        <source>Description (what was agreed, a note)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: only the description can change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed on invoice {number}: to bill another price, void the invoice and sell again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>price</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardsPanel</name>
    <message>
        <source>Memberships and credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sales yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpaid visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added by {who} on {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invoice {number}, {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>total {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{used}/{size} lessons · {each} a lesson · </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the unpaid visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move this visit to {where}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>move a lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the visit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CashDrawersPage</name>
    <message>
        <source>Make default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is now the default cash drawer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInAgainDialog</name>
    <message>
        <source>Checked in already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} was checked in {minutes} min ago. Record another visit?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInBar</name>
    <message>
        <source>scan or type a card code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter checks the card in; Ctrl+U records credit use (then the type&apos;s number).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} not checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type or scan a client&apos;s card code first, then Ctrl+U.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>New client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>made automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived (hidden from the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardian&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Possibly the same person:&lt;/b&gt;{list}&lt;br&gt;Press Save again to save anyway.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <source>Name, phone or card code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the client:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientProfile</name>
    <message>
        <source>← All clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardian&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Membership cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoices and balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credits ⚠</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the changes to the cards that are not saved?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change dates, price or description under each card; click a visit to change its status or date. Save applies everything at once; Cancel returns to the last saved state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a visit to another card or to the unpaid visits to move it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  · archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No membership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{package} · {status} until {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance due: {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   ·   whole family: {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientsScreen</name>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, phone or card code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a name, phone or card code; a scanned card opens the client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any membership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell a package to the selected client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member cards…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member cards with QR codes for the clients listed, ten to an A4 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clients yet: add one with New client…, or import a spreadsheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} clients</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <source>Choose a colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreditsPanel</name>
    <message>
        <source>Credit type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use credits…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print statement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No credits yet. Top up… sells a credits package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Granted: {package}, until {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired: what was left of {package} (until {end})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reversal of the use of {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used at check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (reversed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: {available} valid today · used {used} · expired {expired} · granted {granted}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · expires: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{units} on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ {name}: low balance, {left} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ {name}: {units} expire within {days} days (first on {first})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverse the use of {units} of {type} on {date}? Its units go back to the client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use of {units} of {type} reversed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No credits package is on sale: add one under Packages first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the credit statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreditsScreen</name>
    <message>
        <source>Credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, phone or card code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a name, phone or code; Enter on one client opens Use credits…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use credits…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody holds credits valid today. Top up from a client&apos;s profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 client with credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} clients with credits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>The dashboard&apos;s figures are not available in this version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the dashboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskSession</name>
    <message>
        <source>The database cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftLines</name>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discount</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DropArea</name>
    <message>
        <source>Not moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a visit chip can be dropped here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditableRows</name>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FamilyCard</name>
    <message>
        <source>Add member…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in a family. Add a parent, child or sibling to group them under one payer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  · payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to the family</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FigureTile</name>
    <message>
        <source>(to date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{change} against last month ({before})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From – to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client: name or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All programs and groups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to the membership desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let&apos;s set up your centre. You can change all of this later in Settings, except that this first account is the owner&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Sunny Kids Centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used to sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create and start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FreezeDialog</name>
    <message>
        <source>Freeze {package} of {client}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until (included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The membership&apos;s end date moves by the frozen days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{package} of {client} frozen from {start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— none —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients in this group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client code or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a card code, or enough of a name to find one client.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupsCard</name>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol in a group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in any group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  (waiting list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The owner has not set up any groups yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrol in a group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group is full: the client is on its waiting list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CSV or XLSX file saved from a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{new} new, {dup} duplicates (skipped), {err} with errors (skipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InvoiceDialog</name>
    <message>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>void: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void invoice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice {number} of {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{client}, paid by {payer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid back on {day}: {amount} by {method}{drawer} · credit note {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice {number} issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (kept with the record):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void the payment of {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void invoice {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice voided</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InvoiceDocuments</name>
    <message>
        <source>Print / PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview A4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview receipt (80 mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save A4 PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save receipt PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email to the client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice {number} saved to {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing invoice {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice {number} sent to the printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email invoice {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Change {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <source> · unpaid: no lesson pack with a free lesson</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JournalScreen</name>
    <message>
        <source>Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makeups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A visitor from another group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open and expired makeups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a date to mark everyone not yet marked present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   ·   red corner: unpaid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A date still to come</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} has not come yet. Mark everyone not yet marked {status} on it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} marked {status} on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everyone {status} on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makeup visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month has no lesson dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a lesson date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date (dd.mm.yyyy):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the date like 24.12.2026.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>The {language} translation ({file}) is missing or damaged: the desk speaks English until it is installed again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate / activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} deactivated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Membership desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogoField</name>
    <message>
        <source>No logo: invoices print the business name only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo removed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Membership desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in: {name} ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data: {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the membership desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Membership desk {version}&lt;/h3&gt;&lt;p&gt;Memberships, lesson packs, credits, invoices and the attendance journal.&lt;/p&gt;&lt;p&gt;Data: {where}&lt;br&gt;Qt for Python {qt}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MakeupVisitorDialog</name>
    <message>
        <source>Makeup visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (makeup until {until})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody from another group has a makeup lesson of this program to use on {day}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MakeupsDialog</name>
    <message>
        <source>Makeup lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usable until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired unused ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excused on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An excused absence gives a makeup lesson in any group of the program; mark it &quot;Makeup&quot; in the journal before it expires.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MembershipsScreen</name>
    <message>
        <source>Memberships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client name, phone or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{package} of {client} resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel {package}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{package} of {client} cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {package} of {client}? Only a sale without payments and visits can be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{package} of {client} deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <source>New package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can be sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member discount %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Included credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recurring services</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PackagesScreen</name>
    <message>
        <source>Packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programs and groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing a package changes future sales only; past sales keep what was sold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} can no longer be sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is on sale again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Change your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password for {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password is changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password set for {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment for invoice {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{client} · total {total} · paid {paid} · due {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cash drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt, transfer or cheque number (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip: pay later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment of {amount} taken</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in another program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No PDF viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program to open PDF files is installed on this computer. The preview here shows the same file, and Print… prints it. It is saved at {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgramDialog</name>
    <message>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base lesson price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgramsPanel</name>
    <message>
        <source>New program…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit program…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group and its clients…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressShown</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <source>Export clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} clients exported to {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save member cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making member cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member cards saved to {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale {number} saved, {paid} paid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>The database cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new database here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk database (*.sqlite3 *.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new, empty database there, or open the right file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed. Restore one of the automatic backups to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed. Use the newer program, or restore a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program holds the file. Close it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the file to a folder you can write to, or open another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the file&apos;s permissions, or open another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the network and the server, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was opened. Copy the file to this PC, or use a PostgreSQL server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a bug in the program. Nothing of this action was saved.
The details are in {log} for the support team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receptionist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QWidget</name>
    <message>
        <source>{name} saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the invoice to {to}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice {number} sent to {to}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} paid on it is paid back today (a refund with a credit note). The payments stay on their days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cash drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid back by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From cash drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay back and void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the filters and press Show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: the report was not made. Press Show to make it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day takings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current data is backed up first, then replaced by the copy you choose. Everything entered after that copy was made is in the backup of the current data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no backups of this database yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the current data with the copy made {made}? The current data is backed up first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaleDialog</name>
    <message>
        <source>Renew membership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional; the package&apos;s description by default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and take payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No client chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax {rate}%: {tax}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a client first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renew the current membership now?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>This PC works on: {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this server from the next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PC opens the server from its next start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServicesEditor</name>
    <message>
        <source>Service name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> wk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusMenu</name>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakingsPage</name>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(paid back: {amount})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save takings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takings saved to {file}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Membership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find, add and edit clients and families.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memberships, lesson packs and credit bundles for sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales, renewals, freezes, invoices and payments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance of your groups, lesson by lesson.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit balances, top-ups and use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day&apos;s recurring services, marked done or missed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takings, memberships, attendance and reminders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business profile, statuses, drawers, users and policies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family payer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guardian&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soonest expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twice a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n day(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n week(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n month(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n year(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a lesson time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Th</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jul</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nov</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a recurring service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lesson packs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any client with a membership</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only current members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax rate %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice number prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save membership invoices as drafts to edit before issuing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memberships and attendance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace days after a membership ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortest freeze (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest freeze (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze days a year at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask before a second check-in within (minutes; 0: never)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days to use a makeup lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warn of credits expiring within (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind days before (+) or after (-) the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sibling discount % (second and later children)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup copies to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card / online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unpaid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partly paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Membership active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In grace: checked in. Please renew.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frozen: no check-in until it resumes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No membership: checked in (policy: anyone).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired: checked in (policy: any member).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The membership has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The membership has not started yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No membership.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attendance status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash drawers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cash drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credit type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charges a lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gives a makeup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses a makeup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May attend lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used at check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low balance at</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UseDialog</name>
    <message>
        <source>Use credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n}   {name}: {left} left, soonest until {until}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press a type&apos;s number to record one unit at once; Save records the units set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This client holds no credits valid today: top up first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a credit type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{units} of {type} used; {left} left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User {username} added</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <source>Change user {username}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User {username} saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch off / on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} switched on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} switched off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Reschedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{service} of {client}: a new date within {start} – {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} saved to {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} rows exported to {file}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
