#pragma once
// The commands of duban-client, one function each; client_commands.cpp lists and dispatches them.
#include "sync/cli/command_line.h"

namespace duban::cli {

// account_commands.cpp
int loginCommand(const Invocation& invocation, Io& io);
int syncCommand(const Invocation& invocation, Io& io);
int statusCommand(const Invocation& invocation, Io& io);
// record_commands.cpp
int projectsCommand(const Invocation& invocation, Io& io);
int recordsCommand(const Invocation& invocation, Io& io);
int visitAddCommand(const Invocation& invocation, Io& io);
int reportAddCommand(const Invocation& invocation, Io& io);
int transitionCommand(const Invocation& invocation, Io& io);  // submit, confirm, approve, …
// photo_commands.cpp
int photoAddCommand(const Invocation& invocation, Io& io);
int photoFetchCommand(const Invocation& invocation, Io& io);
// inbox_commands.cpp
int inboxCommand(const Invocation& invocation, Io& io);
int resolveCommand(const Invocation& invocation, Io& io);  // resubmit, discard

// warning_commands.cpp
int warningsCommand(const Invocation& invocation, Io& io);
int warningProposeCommand(const Invocation& invocation, Io& io);
int warningIssueCommand(const Invocation& invocation, Io& io);
int warningAckCommand(const Invocation& invocation, Io& io);

}  // namespace duban::cli
