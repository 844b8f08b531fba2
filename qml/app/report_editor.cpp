#include "qml/app/report_editor.h"

#include <QCoreApplication>

#include "core/domain/dates.h"
#include "core/domain/money.h"
#include "core/rules/state_machine.h"
#include "qml/app/field_errors.h"

namespace duban::app {
namespace {

// The form's text as the record's values; a figure that does not parse stays unset (the form
// shows why) so the rest of the draft is still saved.
std::optional<Yuan> investmentOf(const QString& text) {
    return text.trimmed().isEmpty() ? std::nullopt : parseWan(text.trimmed().toStdString());
}

std::optional<int> percentOf(const QString& text, bool* ok) {
    *ok = true;
    if (text.trimmed().isEmpty())
        return std::nullopt;
    const int value = text.trimmed().toInt(ok);
    return *ok ? std::optional(value) : std::nullopt;
}

}  // namespace

ReportEditor::ReportEditor(QObject* parent) : RecordEditor(parent) {}

void ReportEditor::fillDefaults(const Services& services) {
    if (!m_period.isEmpty())
        return;
    m_period = QString::fromStdString(periodOf(services.today()).toString());
    emit formChanged();
}

void ReportEditor::setText(QString& field, const QString& value) {
    if (field == value)
        return;
    field = value;
    emit formChanged();
    edited();
}

void ReportEditor::setPeriod(const QString& value) {
    setText(m_period, value);
}
void ReportEditor::setInvestment(const QString& value) {
    if (!value.trimmed().isEmpty() && !investmentOf(value))
        setFormError(QStringLiteral("investment"),
                     QCoreApplication::translate(
                         "Duban", "本月完成投资请填以万元计的数字，如 1500 或 1,500.5"));
    else
        clearFormError(QStringLiteral("investment"));
    setText(m_investment, value);
}
void ReportEditor::setPercent(const QString& value) {
    bool ok = true;
    (void)percentOf(value, &ok);
    if (!ok)
        setFormError(QStringLiteral("percent_complete"),
                     QCoreApplication::translate("Duban", "形象进度请填 0 到 100 的整数"));
    else
        clearFormError(QStringLiteral("percent_complete"));
    setText(m_percent, value);
}
void ReportEditor::setNarrative(const QString& value) {
    setText(m_narrative, value);
}
void ReportEditor::setProblems(const QString& value) {
    setText(m_problems, value);
}
void ReportEditor::setCoordination(const QString& value) {
    setText(m_coordination, value);
}

RecordEditor::SaveJob ReportEditor::saveJob(const std::string& id, bool submit) const {
    ProgressReport form;
    form.id = id;
    form.projectId = projectId().toStdString();
    form.period = m_period.trimmed().toStdString();
    form.investment = investmentOf(m_investment);
    bool percentOk = true;
    form.percentComplete = percentOf(m_percent, &percentOk);
    form.narrative = m_narrative.toStdString();
    form.problems = m_problems.toStdString();
    form.coordination = m_coordination.toStdString();
    return [form, submit](LocalStore& store, const Actor& actor) {
        return saveAndSubmit(store, actor, form, submit);
    };
}

RecordEditor::LoadJob ReportEditor::loadJob(const std::string& id) {
    return [this, id](LocalStore& store, const Actor& actor) -> std::function<void()> {
        const auto report = store.report(id);
        if (!report)
            return [] {};
        const bool editable = store.permissions(actor, Entity::progress_report, id).edit;
        return [this, report = *report, editable] {
            setProjectId(QString::fromStdString(report.projectId));
            m_period = QString::fromStdString(report.period);
            m_investment = report.investment
                               ? QString::fromStdString(formatWanNumber(*report.investment))
                               : QString();
            m_percent =
                report.percentComplete ? QString::number(*report.percentComplete) : QString();
            m_narrative = QString::fromStdString(report.narrative);
            m_problems = QString::fromStdString(report.problems);
            m_coordination = QString::fromStdString(report.coordination);
            emit formChanged();
            setLoaded(report.id, std::string(toString(report.state)), editable);
        };
    };
}

}  // namespace duban::app
