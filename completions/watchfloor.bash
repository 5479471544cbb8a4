# bash completion for watchfloor and wf
# Generated from the command tree by `watchfloor completion bash`; do not edit.
_watchfloor_dynamic() {
  "${COMP_WORDS[0]}" "${connection[@]}" __complete "$1" "$cur" 2>/dev/null
}

# Values from the hub (or the profiles), one a line, quoted for the line.
_watchfloor_reply() {
  local IFS=$'\n' value
  COMPREPLY=()
  for value in $(_watchfloor_dynamic "$1"); do COMPREPLY+=("$(printf '%q' "$value")"); done
}

# The fields --json selects from for the verb typed, a comma list as gh has it
# (--json id,ti): no space after a field, and none offered twice. Fails where
# the verb publishes none, or where the word may be the verb's own (42).
_watchfloor_json_fields() {
  local fields head="" part="$cur" field
  case "$cmdpath" in
    "/status") fields="id name kind region health openIncidents waitMinutes queueLength arrivalsPerHour egates counters staff reportedAt mode silence contactCentre" ;;
    "/sites/list") fields="id name kind region city lat lon neighbour annualPassengers staff source cityAr" ;;
    "/incidents/list") fields="id title severity state siteId assetId source fingerprint labels createdAt updatedAt acknowledgedBy acknowledgedAt assignee escalations resolvedBy resolvedAt summary version assigneeId assignedBy assignerAuthority drillRunId parentId childCount grouping flapping" ;;
    "/incidents/show") fields="id title severity state siteId assetId source fingerprint labels createdAt updatedAt acknowledgedBy acknowledgedAt assignee escalations resolvedBy resolvedAt summary version assigneeId assignedBy assignerAuthority drillRunId parentId childCount grouping flapping" ;;
    "/dispatch/list") fields="id incidentId siteId assetId partsLikely priority state createdAt createdBy closedAt closedBy note" ;;
    "/dispatch/show") fields="id incidentId siteId assetId partsLikely priority state createdAt createdBy closedAt closedBy note" ;;
    "/silence/list") fields="id kind state siteId assetId matchers startsAt endsAt reason createdAt createdBy expiredAt expiredBy drillRunId alertsSilenced" ;;
    "/maintenance/list") fields="id kind state siteId assetId matchers startsAt endsAt reason createdAt createdBy expiredAt expiredBy drillRunId alertsSilenced" ;;
    "/handover/list") fields="id issuedAt issuedBy shift hash openItems carriedOver acceptedAt acceptedBy" ;;
    "/tokens/list") fields="id name role createdAt lastUsedAt revokedAt bot expiresAt" ;;
    "/audit/list") fields="seq at actor channel action target detail prevHash hash" ;;
    *) return 1 ;;
  esac
  [[ "$cur" == *,* ]] && head="${cur%,*}," part="${cur##*,}"
  COMPREPLY=()
  for field in $fields; do
    [[ "$field" == "$part"* && ",$head" != *",$field,"* ]] && COMPREPLY+=("$head$field")
  done
  ((${#COMPREPLY[@]})) && compopt -o nospace
  [[ -n "$eq" || -n "$head" || ${#COMPREPLY[@]} -gt 0 ]]
}

# Is the word after --json its list of fields, or the command's own word? As the CLI decides (json-flag.ts).
_watchfloor_is_json_fields() {
  local -a parts
  local part
  [[ -n "$1" && "$1" != *, ]] || return 1
  IFS=, read -ra parts <<< "$1"
  for part in "${parts[@]}"; do
    case "$part" in
      acceptedAt|acceptedBy|acknowledgedAt|acknowledgedBy|action|actor|alertsSilenced|annualPassengers|arrivalsPerHour|assetId|assignedBy|assignee|assigneeId|assignerAuthority|at|bot|carriedOver|channel|childCount|city|cityAr|closedAt|closedBy|contactCentre|counters|createdAt|createdBy|detail|drillRunId|egates|endsAt|escalations|expiredAt|expiredBy|expiresAt|fingerprint|flapping|grouping|hash|health|id|incidentId|issuedAt|issuedBy|kind|labels|lastUsedAt|lat|lon|matchers|mode|name|neighbour|note|openIncidents|openItems|parentId|partsLikely|prevHash|priority|queueLength|reason|region|reportedAt|resolvedAt|resolvedBy|revokedAt|role|seq|severity|shift|silence|siteId|source|staff|startsAt|state|summary|target|title|updatedAt|version|waitMinutes) ;;
      *) return 1 ;;
    esac
  done
}

_watchfloor() {
  # bash splits words at = and : (COMP_WORDBREAKS): glue them back, so
  # --site=JE and --hub http://host:8080 read as typed.
  local -a words=()
  local i word glue=""
  for ((i = 0; i <= COMP_CWORD; i++)); do
    word="${COMP_WORDS[i]}"
    if [[ -n "$glue" || "$word" == "=" || "$word" == ":" ]] && ((${#words[@]})); then
      words[${#words[@]}-1]+="$word"
    else
      words+=("$word")
    fi
    [[ "$word" == "=" || "$word" == ":" ]] && glue=1 || glue=""
  done
  local n=${#words[@]}
  local cur="${words[n-1]}" prev="${words[n-2]}"
  local cmdpath="" npos=0 eq=""
  local -a connection=()
  # --opt=value: the value of --opt is being typed (readline's word is what follows the =).
  if [[ "$cur" == --*=* ]]; then
    prev="${cur%%=*}" cur="${cur#*=}" eq=1
  fi
  for ((i = 1; i < n - 1; i++)); do
    word="${words[i]}"
    case "$word" in
      --profile=*|--hub=*|--token=*) connection+=("$word"); continue ;;
      --profile|--hub|--token) connection+=("$word" "${words[i+1]}"); i=$((i + 1)); continue ;;
      --json) if ((i + 1 < n - 1)) && _watchfloor_is_json_fields "${words[i+1]}"; then i=$((i + 1)); fi; continue ;;
      --lang|--profile|--hub|--token|--ca|--region|--output|-o|--kind|--state|--site|--severity|--limit|--to|--reason|--summary|--concurrency|--note|--incident|--input|--playbook|--step|--out|--asset|--match|--for|--from|--until|--since|--hours|--arrivals|--egates|--staff|--ai-share|--scenario|--shift|--post|--format|--name|--role|--expires|--checkpoint|--config|--seed|--speed|--demo-past|--demo-report-every|--port|--host|--data|--ssh-key|--audit-key|--audit-checkpoints|--playbooks|--peaks|--tls-cert|--tls-key|--log-format|--retain|--early-warning|--intake-queue|--intake-backlog|--group-window|--group-sites|--teams-port|--identities|--cards-channel|--cards-route|--cards-min-severity|--outbox|--teams-cards-conversation|--teams-cards-route|--teams-service-url|--fault|--sim) i=$((i + 1)); continue ;;
      -*) continue ;;
    esac
    case "$cmdpath/$word" in
      /status) cmdpath=/status; npos=0 ;;
      /watch) cmdpath=/watch; npos=0 ;;
      /sites) cmdpath=/sites; npos=0 ;;
      /sites/list|/sites/ls) cmdpath=/sites/list; npos=0 ;;
      /sites/show|/sites/view) cmdpath=/sites/show; npos=0 ;;
      /incidents|/inc) cmdpath=/incidents; npos=0 ;;
      /incidents/list|/incidents/ls) cmdpath=/incidents/list; npos=0 ;;
      /incidents/show|/incidents/view) cmdpath=/incidents/show; npos=0 ;;
      /incidents/ack) cmdpath=/incidents/ack; npos=0 ;;
      /incidents/assign) cmdpath=/incidents/assign; npos=0 ;;
      /incidents/note) cmdpath=/incidents/note; npos=0 ;;
      /incidents/escalate) cmdpath=/incidents/escalate; npos=0 ;;
      /incidents/resolve) cmdpath=/incidents/resolve; npos=0 ;;
      /diag) cmdpath=/diag; npos=0 ;;
      /diag/run) cmdpath=/diag/run; npos=0 ;;
      /diag/fleet) cmdpath=/diag/fleet; npos=0 ;;
      /dispatch) cmdpath=/dispatch; npos=0 ;;
      /dispatch/list|/dispatch/ls) cmdpath=/dispatch/list; npos=0 ;;
      /dispatch/show|/dispatch/view) cmdpath=/dispatch/show; npos=0 ;;
      /dispatch/close) cmdpath=/dispatch/close; npos=0 ;;
      /playbook) cmdpath=/playbook; npos=0 ;;
      /playbook/list|/playbook/ls) cmdpath=/playbook/list; npos=0 ;;
      /playbook/show|/playbook/view) cmdpath=/playbook/show; npos=0 ;;
      /playbook/run) cmdpath=/playbook/run; npos=0 ;;
      /playbook/runs) cmdpath=/playbook/runs; npos=0 ;;
      /playbook/status) cmdpath=/playbook/status; npos=0 ;;
      /playbook/approve) cmdpath=/playbook/approve; npos=0 ;;
      /playbook/reject) cmdpath=/playbook/reject; npos=0 ;;
      /playbook/confirm) cmdpath=/playbook/confirm; npos=0 ;;
      /playbook/pause) cmdpath=/playbook/pause; npos=0 ;;
      /playbook/resume) cmdpath=/playbook/resume; npos=0 ;;
      /playbook/abort) cmdpath=/playbook/abort; npos=0 ;;
      /playbook/retry) cmdpath=/playbook/retry; npos=0 ;;
      /playbook/note) cmdpath=/playbook/note; npos=0 ;;
      /playbook/report) cmdpath=/playbook/report; npos=0 ;;
      /playbook/validate) cmdpath=/playbook/validate; npos=0 ;;
      /playbook/schema) cmdpath=/playbook/schema; npos=0 ;;
      /playbook/history) cmdpath=/playbook/history; npos=0 ;;
      /playbook/auto) cmdpath=/playbook/auto; npos=0 ;;
      /drill) cmdpath=/drill; npos=0 ;;
      /drill/list|/drill/ls) cmdpath=/drill/list; npos=0 ;;
      /drill/show|/drill/view) cmdpath=/drill/show; npos=0 ;;
      /silence) cmdpath=/silence; npos=0 ;;
      /silence/add) cmdpath=/silence/add; npos=0 ;;
      /silence/list|/silence/ls) cmdpath=/silence/list; npos=0 ;;
      /silence/show|/silence/view) cmdpath=/silence/show; npos=0 ;;
      /silence/expire) cmdpath=/silence/expire; npos=0 ;;
      /maintenance) cmdpath=/maintenance; npos=0 ;;
      /maintenance/add) cmdpath=/maintenance/add; npos=0 ;;
      /maintenance/list|/maintenance/ls) cmdpath=/maintenance/list; npos=0 ;;
      /maintenance/cancel) cmdpath=/maintenance/cancel; npos=0 ;;
      /kpi) cmdpath=/kpi; npos=0 ;;
      /kpi/summary) cmdpath=/kpi/summary; npos=0 ;;
      /kpi/incidents) cmdpath=/kpi/incidents; npos=0 ;;
      /kpi/continuity) cmdpath=/kpi/continuity; npos=0 ;;
      /kpi/flow) cmdpath=/kpi/flow; npos=0 ;;
      /kpi/staff) cmdpath=/kpi/staff; npos=0 ;;
      /kpi/satisfaction) cmdpath=/kpi/satisfaction; npos=0 ;;
      /kpi/contact-centre) cmdpath=/kpi/contact-centre; npos=0 ;;
      /kpi/remote) cmdpath=/kpi/remote; npos=0 ;;
      /forecast) cmdpath=/forecast; npos=0 ;;
      /scenario) cmdpath=/scenario; npos=0 ;;
      /handover) cmdpath=/handover; npos=0 ;;
      /handover/issue) cmdpath=/handover/issue; npos=0 ;;
      /handover/accept) cmdpath=/handover/accept; npos=0 ;;
      /handover/show|/handover/view) cmdpath=/handover/show; npos=0 ;;
      /handover/list|/handover/ls) cmdpath=/handover/list; npos=0 ;;
      /inventory) cmdpath=/inventory; npos=0 ;;
      /inventory/plan) cmdpath=/inventory/plan; npos=0 ;;
      /inventory/apply) cmdpath=/inventory/apply; npos=0 ;;
      /inventory/export) cmdpath=/inventory/export; npos=0 ;;
      /tokens) cmdpath=/tokens; npos=0 ;;
      /tokens/create) cmdpath=/tokens/create; npos=0 ;;
      /tokens/list|/tokens/ls) cmdpath=/tokens/list; npos=0 ;;
      /tokens/revoke) cmdpath=/tokens/revoke; npos=0 ;;
      /audit) cmdpath=/audit; npos=0 ;;
      /audit/list|/audit/ls) cmdpath=/audit/list; npos=0 ;;
      /audit/verify) cmdpath=/audit/verify; npos=0 ;;
      /audit/checkpoint) cmdpath=/audit/checkpoint; npos=0 ;;
      /config) cmdpath=/config; npos=0 ;;
      /config/get) cmdpath=/config/get; npos=0 ;;
      /config/set) cmdpath=/config/set; npos=0 ;;
      /config/list|/config/ls) cmdpath=/config/list; npos=0 ;;
      /config/use) cmdpath=/config/use; npos=0 ;;
      /config/current) cmdpath=/config/current; npos=0 ;;
      /config/rename-profile) cmdpath=/config/rename-profile; npos=0 ;;
      /config/delete-profile) cmdpath=/config/delete-profile; npos=0 ;;
      /hub) cmdpath=/hub; npos=0 ;;
      /hub/start) cmdpath=/hub/start; npos=0 ;;
      /hub/backup) cmdpath=/hub/backup; npos=0 ;;
      /hub/restore) cmdpath=/hub/restore; npos=0 ;;
      /demo) cmdpath=/demo; npos=0 ;;
      /bot) cmdpath=/bot; npos=0 ;;
      /sim) cmdpath=/sim; npos=0 ;;
      /sim/inject) cmdpath=/sim/inject; npos=0 ;;
      /sim/faults) cmdpath=/sim/faults; npos=0 ;;
      /sim/kinds) cmdpath=/sim/kinds; npos=0 ;;
      /completion) cmdpath=/completion; npos=0 ;;
      *) npos=$((npos + 1)) ;;
    esac
  done

  case "$cmdpath:$prev" in
    "/status":--region) _watchfloor_reply regions; return ;;
    "/status":--output|"/status":-o) COMPREPLY=($(compgen -W "wide json" -- "$cur")); return ;;
    "/sites/list":--kind) COMPREPLY=($(compgen -W "air land sea service-centre contact-centre" -- "$cur")); return ;;
    "/sites/list":--region) _watchfloor_reply regions; return ;;
    "/sites/list":--output|"/sites/list":-o) COMPREPLY=($(compgen -W "wide json" -- "$cur")); return ;;
    "/incidents/list":--state) COMPREPLY=($(compgen -W "open all triggered acknowledged dispatched resolved" -- "$cur")); return ;;
    "/incidents/list":--site) _watchfloor_reply sites; return ;;
    "/incidents/list":--region) _watchfloor_reply regions; return ;;
    "/incidents/list":--severity) COMPREPLY=($(compgen -W "sev1 sev2 sev3 sev4" -- "$cur")); return ;;
    "/incidents/list":--limit) COMPREPLY=(); return ;;
    "/incidents/list":--output|"/incidents/list":-o) COMPREPLY=($(compgen -W "wide json" -- "$cur")); return ;;
    "/incidents/assign":--to) COMPREPLY=(); return ;;
    "/incidents/escalate":--reason) COMPREPLY=(); return ;;
    "/incidents/resolve":--summary) COMPREPLY=(); return ;;
    "/diag/fleet":--site) _watchfloor_reply sites; return ;;
    "/diag/fleet":--kind) COMPREPLY=($(compgen -W "egate counter passport-reader biometric-kiosk kiosk cctv bodycam network-link server integration" -- "$cur")); return ;;
    "/diag/fleet":--concurrency) COMPREPLY=(); return ;;
    "/dispatch/list":--state) COMPREPLY=($(compgen -W "open closed all" -- "$cur")); return ;;
    "/dispatch/list":--site) _watchfloor_reply sites; return ;;
    "/dispatch/close":--note) COMPREPLY=(); return ;;
    "/playbook/run":--site) _watchfloor_reply sites; return ;;
    "/playbook/run":--incident) _watchfloor_reply incidents; return ;;
    "/playbook/run":--input) COMPREPLY=(); return ;;
    "/playbook/runs":--state) COMPREPLY=($(compgen -W "running waiting paused succeeded failed aborted active" -- "$cur")); return ;;
    "/playbook/runs":--playbook) COMPREPLY=(); return ;;
    "/playbook/approve":--step) COMPREPLY=(); return ;;
    "/playbook/reject":--step) COMPREPLY=(); return ;;
    "/playbook/reject":--reason) COMPREPLY=(); return ;;
    "/playbook/confirm":--step) COMPREPLY=(); return ;;
    "/playbook/pause":--reason) COMPREPLY=(); return ;;
    "/playbook/abort":--reason) COMPREPLY=(); return ;;
    "/playbook/report":--out) COMPREPLY=(); return ;;
    "/drill/list":--playbook) COMPREPLY=(); return ;;
    "/drill/list":--limit) COMPREPLY=(); return ;;
    "/silence/add":--site) _watchfloor_reply sites; return ;;
    "/silence/add":--asset) _watchfloor_reply assets; return ;;
    "/silence/add":--match) COMPREPLY=(); return ;;
    "/silence/add":--for) COMPREPLY=(); return ;;
    "/silence/add":--reason) COMPREPLY=(); return ;;
    "/maintenance/add":--site) _watchfloor_reply sites; return ;;
    "/maintenance/add":--from) COMPREPLY=(); return ;;
    "/maintenance/add":--until) COMPREPLY=(); return ;;
    "/maintenance/add":--reason) COMPREPLY=(); return ;;
    "/kpi/summary":--site) _watchfloor_reply sites; return ;;
    "/kpi/summary":--region) _watchfloor_reply regions; return ;;
    "/kpi/summary":--kind) COMPREPLY=($(compgen -W "air land sea service-centre contact-centre" -- "$cur")); return ;;
    "/kpi/summary":--since) COMPREPLY=(); return ;;
    "/kpi/summary":--until) COMPREPLY=(); return ;;
    "/kpi/incidents":--site) _watchfloor_reply sites; return ;;
    "/kpi/incidents":--region) _watchfloor_reply regions; return ;;
    "/kpi/incidents":--kind) COMPREPLY=($(compgen -W "air land sea service-centre contact-centre" -- "$cur")); return ;;
    "/kpi/incidents":--since) COMPREPLY=(); return ;;
    "/kpi/incidents":--until) COMPREPLY=(); return ;;
    "/kpi/continuity":--site) _watchfloor_reply sites; return ;;
    "/kpi/continuity":--region) _watchfloor_reply regions; return ;;
    "/kpi/continuity":--kind) COMPREPLY=($(compgen -W "air land sea service-centre contact-centre" -- "$cur")); return ;;
    "/kpi/continuity":--since) COMPREPLY=(); return ;;
    "/kpi/continuity":--until) COMPREPLY=(); return ;;
    "/kpi/flow":--site) _watchfloor_reply sites; return ;;
    "/kpi/flow":--region) _watchfloor_reply regions; return ;;
    "/kpi/flow":--kind) COMPREPLY=($(compgen -W "air land sea service-centre contact-centre" -- "$cur")); return ;;
    "/kpi/flow":--since) COMPREPLY=(); return ;;
    "/kpi/flow":--until) COMPREPLY=(); return ;;
    "/kpi/staff":--site) _watchfloor_reply sites; return ;;
    "/kpi/staff":--region) _watchfloor_reply regions; return ;;
    "/kpi/staff":--kind) COMPREPLY=($(compgen -W "air land sea service-centre contact-centre" -- "$cur")); return ;;
    "/kpi/staff":--since) COMPREPLY=(); return ;;
    "/kpi/staff":--until) COMPREPLY=(); return ;;
    "/kpi/satisfaction":--site) _watchfloor_reply sites; return ;;
    "/kpi/satisfaction":--region) _watchfloor_reply regions; return ;;
    "/kpi/satisfaction":--kind) COMPREPLY=($(compgen -W "air land sea service-centre contact-centre" -- "$cur")); return ;;
    "/kpi/satisfaction":--since) COMPREPLY=(); return ;;
    "/kpi/satisfaction":--until) COMPREPLY=(); return ;;
    "/kpi/contact-centre":--site) _watchfloor_reply sites; return ;;
    "/kpi/contact-centre":--region) _watchfloor_reply regions; return ;;
    "/kpi/contact-centre":--kind) COMPREPLY=($(compgen -W "air land sea service-centre contact-centre" -- "$cur")); return ;;
    "/kpi/contact-centre":--since) COMPREPLY=(); return ;;
    "/kpi/contact-centre":--until) COMPREPLY=(); return ;;
    "/kpi/remote":--site) _watchfloor_reply sites; return ;;
    "/kpi/remote":--region) _watchfloor_reply regions; return ;;
    "/kpi/remote":--kind) COMPREPLY=($(compgen -W "air land sea service-centre contact-centre" -- "$cur")); return ;;
    "/kpi/remote":--since) COMPREPLY=(); return ;;
    "/kpi/remote":--until) COMPREPLY=(); return ;;
    "/forecast":--hours) COMPREPLY=(); return ;;
    "/scenario":--arrivals) COMPREPLY=(); return ;;
    "/scenario":--egates) COMPREPLY=(); return ;;
    "/scenario":--staff) COMPREPLY=(); return ;;
    "/scenario":--ai-share) COMPREPLY=(); return ;;
    "/scenario":--scenario) COMPREPLY=(); return ;;
    "/scenario":--hours) COMPREPLY=(); return ;;
    "/handover/issue":--shift) COMPREPLY=(); return ;;
    "/handover/issue":--out) COMPREPLY=(); return ;;
    "/handover/issue":--post) COMPREPLY=(); return ;;
    "/inventory/export":--format) COMPREPLY=($(compgen -W "yaml json" -- "$cur")); return ;;
    "/tokens/create":--name) COMPREPLY=(); return ;;
    "/tokens/create":--role) COMPREPLY=($(compgen -W "viewer officer supervisor admin intake" -- "$cur")); return ;;
    "/tokens/create":--expires) COMPREPLY=(); return ;;
    "/audit/list":--since) COMPREPLY=(); return ;;
    "/audit/list":--limit) COMPREPLY=(); return ;;
    "/audit/verify":--checkpoint) COMPREPLY=(); return ;;
    "/hub/start":--config) COMPREPLY=(); return ;;
    "/hub/start":--seed) COMPREPLY=(); return ;;
    "/hub/start":--speed) COMPREPLY=(); return ;;
    "/hub/start":--demo-past) COMPREPLY=(); return ;;
    "/hub/start":--demo-report-every) COMPREPLY=(); return ;;
    "/hub/start":--port) COMPREPLY=(); return ;;
    "/hub/start":--host) COMPREPLY=(); return ;;
    "/hub/start":--data) compopt -o filenames; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "/hub/start":--ssh-key) compopt -o filenames; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "/hub/start":--audit-key) COMPREPLY=(); return ;;
    "/hub/start":--audit-checkpoints) COMPREPLY=(); return ;;
    "/hub/start":--playbooks) COMPREPLY=(); return ;;
    "/hub/start":--peaks) compopt -o filenames; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "/hub/start":--auto-remediate) if [[ -n "$eq" ]]; then COMPREPLY=(); return; fi ;;
    "/hub/start":--tls-cert) COMPREPLY=(); return ;;
    "/hub/start":--tls-key) COMPREPLY=(); return ;;
    "/hub/start":--log-format) COMPREPLY=(); return ;;
    "/hub/start":--retain) COMPREPLY=(); return ;;
    "/hub/start":--early-warning) COMPREPLY=(); return ;;
    "/hub/start":--intake-queue) COMPREPLY=(); return ;;
    "/hub/start":--intake-backlog) COMPREPLY=(); return ;;
    "/hub/start":--group-window) COMPREPLY=(); return ;;
    "/hub/start":--group-sites) COMPREPLY=(); return ;;
    "/hub/restore":--data) COMPREPLY=(); return ;;
    "/demo":--seed) COMPREPLY=(); return ;;
    "/demo":--speed) COMPREPLY=(); return ;;
    "/demo":--port) COMPREPLY=(); return ;;
    "/bot":--port) COMPREPLY=(); return ;;
    "/bot":--host) COMPREPLY=(); return ;;
    "/bot":--teams-port) COMPREPLY=(); return ;;
    "/bot":--identities) compopt -o filenames; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "/bot":--cards-channel) COMPREPLY=(); return ;;
    "/bot":--cards-route) COMPREPLY=(); return ;;
    "/bot":--cards-min-severity) COMPREPLY=($(compgen -W "sev1 sev2 sev3 sev4" -- "$cur")); return ;;
    "/bot":--outbox) compopt -o filenames; COMPREPLY=($(compgen -f -- "$cur")); return ;;
    "/bot":--teams-cards-conversation) COMPREPLY=(); return ;;
    "/bot":--teams-cards-route) COMPREPLY=(); return ;;
    "/bot":--teams-service-url) COMPREPLY=(); return ;;
    "/sim/inject":--fault) _watchfloor_reply faults; return ;;
    "/sim/inject":--sim) COMPREPLY=(); return ;;
    "/sim/faults":--site) _watchfloor_reply sites; return ;;
    "/sim/faults":--sim) COMPREPLY=(); return ;;
    "/sim/kinds":--kind) COMPREPLY=($(compgen -W "egate counter passport-reader biometric-kiosk kiosk cctv bodycam network-link server integration" -- "$cur")); return ;;
    "/sim/kinds":--sim) COMPREPLY=(); return ;;
    *:--json) _watchfloor_json_fields && return; if [[ -n "$eq" ]]; then COMPREPLY=(); return; fi ;;
    *:--lang) COMPREPLY=($(compgen -W "en ar" -- "$cur")); return ;;
    *:--profile) _watchfloor_reply profiles; return ;;
    *:--hub) COMPREPLY=(); return ;;
    *:--token) COMPREPLY=(); return ;;
    *:--ca) COMPREPLY=(); return ;;
  esac

  if [[ "$cur" == -* ]]; then
    case "$cmdpath" in
    "") COMPREPLY=($(compgen -W "--version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug --help -h" -- "$cur")) ;;
    "/status") COMPREPLY=($(compgen -W "--region --region= --output --output= -o --watch -w --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/watch") COMPREPLY=($(compgen -W "--wall --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/sites") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/sites/list") COMPREPLY=($(compgen -W "--kind --kind= --region --region= --output --output= -o --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/sites/show") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/incidents") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/incidents/list") COMPREPLY=($(compgen -W "--state --state= --site --site= --region --region= --severity --severity= --limit --limit= --children --output --output= -o --watch -w --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/incidents/show") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/incidents/ack") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/incidents/assign") COMPREPLY=($(compgen -W "--to --to= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/incidents/note") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/incidents/escalate") COMPREPLY=($(compgen -W "--reason --reason= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/incidents/resolve") COMPREPLY=($(compgen -W "--summary --summary= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/diag") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/diag/run") COMPREPLY=($(compgen -W "--fix --dry-run --all --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/diag/fleet") COMPREPLY=($(compgen -W "--site --site= --kind --kind= --fix --concurrency --concurrency= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/dispatch") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/dispatch/list") COMPREPLY=($(compgen -W "--state --state= --site --site= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/dispatch/show") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/dispatch/close") COMPREPLY=($(compgen -W "--note --note= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/playbook") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/playbook/list") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/playbook/show") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/playbook/run") COMPREPLY=($(compgen -W "--site --site= --incident --incident= --input --input= --drill --dry-run --yes --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/playbook/runs") COMPREPLY=($(compgen -W "--state --state= --playbook --playbook= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/playbook/status") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/playbook/approve") COMPREPLY=($(compgen -W "--step --step= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/playbook/reject") COMPREPLY=($(compgen -W "--step --step= --reason --reason= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/playbook/confirm") COMPREPLY=($(compgen -W "--step --step= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/playbook/pause") COMPREPLY=($(compgen -W "--reason --reason= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/playbook/resume") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/playbook/abort") COMPREPLY=($(compgen -W "--reason --reason= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/playbook/retry") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/playbook/note") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/playbook/report") COMPREPLY=($(compgen -W "--out --out= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/playbook/validate") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/playbook/schema") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/playbook/history") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/playbook/auto") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/drill") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/drill/list") COMPREPLY=($(compgen -W "--playbook --playbook= --limit --limit= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/drill/show") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/silence") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/silence/add") COMPREPLY=($(compgen -W "--site --site= --asset --asset= --match --match= --for --for= --reason --reason= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/silence/list") COMPREPLY=($(compgen -W "--all --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/silence/show") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/silence/expire") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/maintenance") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/maintenance/add") COMPREPLY=($(compgen -W "--site --site= --from --from= --until --until= --reason --reason= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/maintenance/list") COMPREPLY=($(compgen -W "--all --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/maintenance/cancel") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/kpi") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/kpi/summary") COMPREPLY=($(compgen -W "--site --site= --region --region= --kind --kind= --since --since= --until --until= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/kpi/incidents") COMPREPLY=($(compgen -W "--site --site= --region --region= --kind --kind= --since --since= --until --until= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/kpi/continuity") COMPREPLY=($(compgen -W "--site --site= --region --region= --kind --kind= --since --since= --until --until= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/kpi/flow") COMPREPLY=($(compgen -W "--site --site= --region --region= --kind --kind= --since --since= --until --until= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/kpi/staff") COMPREPLY=($(compgen -W "--site --site= --region --region= --kind --kind= --since --since= --until --until= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/kpi/satisfaction") COMPREPLY=($(compgen -W "--site --site= --region --region= --kind --kind= --since --since= --until --until= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/kpi/contact-centre") COMPREPLY=($(compgen -W "--site --site= --region --region= --kind --kind= --since --since= --until --until= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/kpi/remote") COMPREPLY=($(compgen -W "--site --site= --region --region= --kind --kind= --since --since= --until --until= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/forecast") COMPREPLY=($(compgen -W "--hours --hours= --breaches --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/scenario") COMPREPLY=($(compgen -W "--arrivals --arrivals= --egates --egates= --staff --staff= --ai-share --ai-share= --scenario --scenario= --hours --hours= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/handover") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/handover/issue") COMPREPLY=($(compgen -W "--shift --shift= --out --out= --post --post= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/handover/accept") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/handover/show") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/handover/list") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/inventory") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/inventory/plan") COMPREPLY=($(compgen -W "--exit-code --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/inventory/apply") COMPREPLY=($(compgen -W "--force --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/inventory/export") COMPREPLY=($(compgen -W "--format --format= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/tokens") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/tokens/create") COMPREPLY=($(compgen -W "--name --name= --role --role= --bot --expires --expires= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/tokens/list") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/tokens/revoke") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/audit") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/audit/list") COMPREPLY=($(compgen -W "--since --since= --limit --limit= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/audit/verify") COMPREPLY=($(compgen -W "--checkpoint --checkpoint= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/audit/checkpoint") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/config") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/config/get") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/config/set") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/config/list") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/config/use") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/config/current") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/config/rename-profile") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/config/delete-profile") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/hub") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/hub/start") COMPREPLY=($(compgen -W "--config --config= --demo --seed --seed= --speed --speed= --demo-past --demo-past= --demo-report-every --demo-report-every= --port --port= --host --host= --data --data= --ssh-key --ssh-key= --audit-key --audit-key= --audit-checkpoints --audit-checkpoints= --playbooks --playbooks= --peaks --peaks= --auto-remediate --auto-remediate= --tls-cert --tls-cert= --tls-key --tls-key= --log-format --log-format= --retain --retain= --early-warning --early-warning= --intake-queue --intake-queue= --intake-backlog --intake-backlog= --group-window --group-window= --group-sites --group-sites= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/hub/backup") COMPREPLY=($(compgen -W "--force --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/hub/restore") COMPREPLY=($(compgen -W "--data --data= --check --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/demo") COMPREPLY=($(compgen -W "--seed --seed= --speed --speed= --port --port= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/bot") COMPREPLY=($(compgen -W "--socket-mode --port --port= --host --host= --teams-port --teams-port= --identities --identities= --cards-channel --cards-channel= --cards-route --cards-route= --cards-min-severity --cards-min-severity= --outbox --outbox= --teams-cards-conversation --teams-cards-conversation= --teams-cards-route --teams-cards-route= --teams-service-url --teams-service-url= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/sim") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/sim/inject") COMPREPLY=($(compgen -W "--fault --fault= --sim --sim= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/sim/faults") COMPREPLY=($(compgen -W "--site --site= --sim --sim= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/sim/kinds") COMPREPLY=($(compgen -W "--kind --kind= --sim --sim= --help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    "/completion") COMPREPLY=($(compgen -W "--help -h --version -V --json --json= --no-color --lang --lang= --profile --profile= --hub --hub= --token --token= --ca --ca= --insecure --debug" -- "$cur")) ;;
    esac
    [[ ${#COMPREPLY[@]} == 1 && "${COMPREPLY[0]}" == *= ]] && compopt -o nospace
    return
  fi

  case "$cmdpath:$npos" in
    "":0) COMPREPLY=($(compgen -W "status watch sites incidents inc diag dispatch playbook drill silence maintenance kpi forecast scenario handover inventory tokens audit config hub demo bot sim completion" -- "$cur")) ;;
    "/status":0) _watchfloor_reply sites; return ;;
    "/sites":0) COMPREPLY=($(compgen -W "list ls show view" -- "$cur")) ;;
    "/sites/show":0) _watchfloor_reply sites; return ;;
    "/incidents":0) COMPREPLY=($(compgen -W "list ls show view ack assign note escalate resolve" -- "$cur")) ;;
    "/incidents/show":0) _watchfloor_reply incidents; return ;;
    "/incidents/ack":0) _watchfloor_reply incidents; return ;;
    "/incidents/assign":0) _watchfloor_reply incidents; return ;;
    "/incidents/note":0) _watchfloor_reply incidents; return ;;
    "/incidents/escalate":0) _watchfloor_reply incidents; return ;;
    "/incidents/resolve":0) _watchfloor_reply incidents; return ;;
    "/diag":0) COMPREPLY=($(compgen -W "run fleet" -- "$cur")) ;;
    "/diag/run":0) _watchfloor_reply targets; return ;;
    "/dispatch":0) COMPREPLY=($(compgen -W "list ls show view close" -- "$cur")) ;;
    "/dispatch/show":0) _watchfloor_reply dispatches; return ;;
    "/dispatch/close":0) _watchfloor_reply dispatches; return ;;
    "/playbook":0) COMPREPLY=($(compgen -W "list ls show view run runs status approve reject confirm pause resume abort retry note report validate schema history auto" -- "$cur")) ;;
    "/playbook/show":0) _watchfloor_reply playbooks; return ;;
    "/playbook/status":0) _watchfloor_reply runs; return ;;
    "/playbook/approve":0) _watchfloor_reply runs; return ;;
    "/playbook/reject":0) _watchfloor_reply runs; return ;;
    "/playbook/confirm":0) _watchfloor_reply runs; return ;;
    "/playbook/pause":0) _watchfloor_reply runs; return ;;
    "/playbook/resume":0) _watchfloor_reply runs; return ;;
    "/playbook/abort":0) _watchfloor_reply runs; return ;;
    "/playbook/retry":0) _watchfloor_reply runs; return ;;
    "/playbook/note":0) _watchfloor_reply runs; return ;;
    "/playbook/report":0) _watchfloor_reply runs; return ;;
    "/playbook/history":0) _watchfloor_reply playbooks; return ;;
    "/playbook/auto":0) COMPREPLY=($(compgen -W "on off" -- "$cur")); return ;;
    "/drill":0) COMPREPLY=($(compgen -W "list ls show view" -- "$cur")) ;;
    "/drill/show":0) _watchfloor_reply runs; return ;;
    "/silence":0) COMPREPLY=($(compgen -W "add list ls show view expire" -- "$cur")) ;;
    "/maintenance":0) COMPREPLY=($(compgen -W "add list ls cancel" -- "$cur")) ;;
    "/kpi":0) COMPREPLY=($(compgen -W "summary incidents continuity flow staff satisfaction contact-centre remote" -- "$cur")) ;;
    "/forecast":0) _watchfloor_reply sites; return ;;
    "/scenario":0) _watchfloor_reply sites; return ;;
    "/handover":0) COMPREPLY=($(compgen -W "issue accept show view list ls" -- "$cur")) ;;
    "/inventory":0) COMPREPLY=($(compgen -W "plan apply export" -- "$cur")) ;;
    "/tokens":0) COMPREPLY=($(compgen -W "create list ls revoke" -- "$cur")) ;;
    "/tokens/revoke":0) _watchfloor_reply tokens; return ;;
    "/audit":0) COMPREPLY=($(compgen -W "list ls verify checkpoint" -- "$cur")) ;;
    "/config":0) COMPREPLY=($(compgen -W "get set list ls use current rename-profile delete-profile" -- "$cur")) ;;
    "/config/get":0) COMPREPLY=($(compgen -W "hub token ca sim simToken slackBotToken slackSigningSecret slackAppToken teamsAppId teamsAppPassword teamsTenantId" -- "$cur")); return ;;
    "/config/set":0) COMPREPLY=($(compgen -W "hub token ca sim simToken slackBotToken slackSigningSecret slackAppToken teamsAppId teamsAppPassword teamsTenantId" -- "$cur")); return ;;
    "/config/use":0) _watchfloor_reply profiles; return ;;
    "/config/rename-profile":0) _watchfloor_reply profiles; return ;;
    "/config/delete-profile":0) _watchfloor_reply profiles; return ;;
    "/hub":0) COMPREPLY=($(compgen -W "start backup restore" -- "$cur")) ;;
    "/sim":0) COMPREPLY=($(compgen -W "inject faults kinds" -- "$cur")) ;;
    "/sim/inject":0) _watchfloor_reply assets; return ;;
    "/completion":0) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")); return ;;
  esac
}

complete -F _watchfloor watchfloor wf
