# bash completion for watchfloor and wf
# Generated from the command tree by `watchfloor completion bash`; do not edit.
_watchfloor_dynamic() {
  "${COMP_WORDS[0]}" __complete "$1" 2>/dev/null
}

_watchfloor() {
  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
  local cmdpath="" npos=0 word i
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="${COMP_WORDS[i]}"
    case "$word" in
      --lang|--profile|--hub|--token|--ca|--kind|--region|--state|--site|--severity|--to|--reason|--summary|--concurrency|--note|--incident|--input|--playbook|--step|--out|--limit|--since|--format|--name|--role|--expires|--checkpoint|--config|--seed|--speed|--port|--host|--data|--ssh-key|--audit-key|--audit-checkpoints|--playbooks|--auto-remediate|--tls-cert|--tls-key|--log-format|--retain|--teams-port|--identities|--cards-channel|--cards-route|--cards-min-severity|--outbox|--fault|--sim) i=$((i + 1)); continue ;;
      -*) continue ;;
    esac
    case "$cmdpath/$word" in
      /status|/watch|/sites|/sites/list|/incidents|/incidents/list|/incidents/show|/incidents/ack|/incidents/assign|/incidents/note|/incidents/escalate|/incidents/resolve|/diag|/diag/run|/diag/fleet|/dispatch|/dispatch/list|/dispatch/show|/dispatch/close|/playbook|/playbook/list|/playbook/show|/playbook/run|/playbook/runs|/playbook/status|/playbook/approve|/playbook/reject|/playbook/confirm|/playbook/pause|/playbook/resume|/playbook/abort|/playbook/retry|/playbook/note|/playbook/report|/playbook/validate|/playbook/schema|/playbook/history|/playbook/auto|/drill|/drill/list|/drill/show|/kpi|/kpi/remote|/inventory|/inventory/plan|/inventory/apply|/inventory/export|/tokens|/tokens/create|/tokens/list|/tokens/revoke|/audit|/audit/list|/audit/verify|/audit/checkpoint|/config|/config/get|/config/set|/config/list|/config/use|/hub|/hub/start|/hub/backup|/hub/restore|/demo|/bot|/sim|/sim/inject|/sim/faults|/sim/kinds|/completion) cmdpath="$cmdpath/$word"; npos=0 ;;
      *) npos=$((npos + 1)) ;;
    esac
  done

  case "$cmdpath:$prev" in
    "/sites/list":--kind) COMPREPLY=($(compgen -W "air land sea service-centre" -- "$cur")); return ;;
    "/sites/list":--region) COMPREPLY=(); return ;;
    "/incidents/list":--state) COMPREPLY=($(compgen -W "open triggered acknowledged dispatched resolved" -- "$cur")); return ;;
    "/incidents/list":--site) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic sites)" -- "$cur")); return ;;
    "/incidents/list":--severity) COMPREPLY=($(compgen -W "sev1 sev2 sev3 sev4" -- "$cur")); return ;;
    "/incidents/assign":--to) COMPREPLY=(); return ;;
    "/incidents/escalate":--reason) COMPREPLY=(); return ;;
    "/incidents/resolve":--summary) COMPREPLY=(); return ;;
    "/diag/fleet":--site) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic sites)" -- "$cur")); return ;;
    "/diag/fleet":--kind) COMPREPLY=($(compgen -W "egate counter passport-reader biometric-kiosk kiosk cctv bodycam network-link server integration" -- "$cur")); return ;;
    "/diag/fleet":--concurrency) COMPREPLY=(); return ;;
    "/dispatch/list":--state) COMPREPLY=($(compgen -W "open closed all" -- "$cur")); return ;;
    "/dispatch/list":--site) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic sites)" -- "$cur")); return ;;
    "/dispatch/close":--note) COMPREPLY=(); return ;;
    "/playbook/run":--site) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic sites)" -- "$cur")); return ;;
    "/playbook/run":--incident) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic incidents)" -- "$cur")); return ;;
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
    "/kpi/remote":--since) COMPREPLY=(); return ;;
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
    "/hub/start":--port) COMPREPLY=(); return ;;
    "/hub/start":--host) COMPREPLY=(); return ;;
    "/hub/start":--data) COMPREPLY=(); return ;;
    "/hub/start":--ssh-key) COMPREPLY=(); return ;;
    "/hub/start":--audit-key) COMPREPLY=(); return ;;
    "/hub/start":--audit-checkpoints) COMPREPLY=(); return ;;
    "/hub/start":--playbooks) COMPREPLY=(); return ;;
    "/hub/start":--auto-remediate) COMPREPLY=(); return ;;
    "/hub/start":--tls-cert) COMPREPLY=(); return ;;
    "/hub/start":--tls-key) COMPREPLY=(); return ;;
    "/hub/start":--log-format) COMPREPLY=(); return ;;
    "/hub/start":--retain) COMPREPLY=(); return ;;
    "/hub/restore":--data) COMPREPLY=(); return ;;
    "/demo":--seed) COMPREPLY=(); return ;;
    "/demo":--speed) COMPREPLY=(); return ;;
    "/demo":--port) COMPREPLY=(); return ;;
    "/bot":--port) COMPREPLY=(); return ;;
    "/bot":--host) COMPREPLY=(); return ;;
    "/bot":--teams-port) COMPREPLY=(); return ;;
    "/bot":--identities) COMPREPLY=(); return ;;
    "/bot":--cards-channel) COMPREPLY=(); return ;;
    "/bot":--cards-route) COMPREPLY=(); return ;;
    "/bot":--cards-min-severity) COMPREPLY=($(compgen -W "sev1 sev2 sev3 sev4" -- "$cur")); return ;;
    "/bot":--outbox) COMPREPLY=(); return ;;
    "/sim/inject":--fault) COMPREPLY=(); return ;;
    "/sim/inject":--sim) COMPREPLY=(); return ;;
    "/sim/faults":--site) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic sites)" -- "$cur")); return ;;
    "/sim/faults":--sim) COMPREPLY=(); return ;;
    "/sim/kinds":--kind) COMPREPLY=($(compgen -W "egate counter passport-reader biometric-kiosk kiosk cctv bodycam network-link server integration" -- "$cur")); return ;;
    "/sim/kinds":--sim) COMPREPLY=(); return ;;
    *:--lang) COMPREPLY=($(compgen -W "en ar" -- "$cur")); return ;;
    *:--profile) COMPREPLY=(); return ;;
    *:--hub) COMPREPLY=(); return ;;
    *:--token) COMPREPLY=(); return ;;
    *:--ca) COMPREPLY=(); return ;;
  esac

  if [[ "$cur" == -* ]]; then
    case "$cmdpath" in
    "") COMPREPLY=($(compgen -W "--version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug --help -h" -- "$cur")) ;;
    "/status") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/watch") COMPREPLY=($(compgen -W "--wall --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/sites") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/sites/list") COMPREPLY=($(compgen -W "--kind --region --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/incidents") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/incidents/list") COMPREPLY=($(compgen -W "--state --site --severity --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/incidents/show") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/incidents/ack") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/incidents/assign") COMPREPLY=($(compgen -W "--to --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/incidents/note") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/incidents/escalate") COMPREPLY=($(compgen -W "--reason --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/incidents/resolve") COMPREPLY=($(compgen -W "--summary --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/diag") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/diag/run") COMPREPLY=($(compgen -W "--fix --dry-run --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/diag/fleet") COMPREPLY=($(compgen -W "--site --kind --fix --concurrency --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/dispatch") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/dispatch/list") COMPREPLY=($(compgen -W "--state --site --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/dispatch/show") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/dispatch/close") COMPREPLY=($(compgen -W "--note --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/playbook") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/playbook/list") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/playbook/show") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/playbook/run") COMPREPLY=($(compgen -W "--site --incident --input --drill --dry-run --yes --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/playbook/runs") COMPREPLY=($(compgen -W "--state --playbook --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/playbook/status") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/playbook/approve") COMPREPLY=($(compgen -W "--step --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/playbook/reject") COMPREPLY=($(compgen -W "--step --reason --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/playbook/confirm") COMPREPLY=($(compgen -W "--step --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/playbook/pause") COMPREPLY=($(compgen -W "--reason --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/playbook/resume") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/playbook/abort") COMPREPLY=($(compgen -W "--reason --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/playbook/retry") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/playbook/note") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/playbook/report") COMPREPLY=($(compgen -W "--out --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/playbook/validate") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/playbook/schema") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/playbook/history") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/playbook/auto") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/drill") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/drill/list") COMPREPLY=($(compgen -W "--playbook --limit --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/drill/show") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/kpi") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/kpi/remote") COMPREPLY=($(compgen -W "--since --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/inventory") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/inventory/plan") COMPREPLY=($(compgen -W "--exit-code --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/inventory/apply") COMPREPLY=($(compgen -W "--force --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/inventory/export") COMPREPLY=($(compgen -W "--format --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/tokens") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/tokens/create") COMPREPLY=($(compgen -W "--name --role --bot --expires --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/tokens/list") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/tokens/revoke") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/audit") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/audit/list") COMPREPLY=($(compgen -W "--since --limit --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/audit/verify") COMPREPLY=($(compgen -W "--checkpoint --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/audit/checkpoint") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/config") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/config/get") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/config/set") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/config/list") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/config/use") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/hub") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/hub/start") COMPREPLY=($(compgen -W "--config --demo --seed --speed --port --host --data --ssh-key --audit-key --audit-checkpoints --playbooks --auto-remediate --tls-cert --tls-key --log-format --retain --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/hub/backup") COMPREPLY=($(compgen -W "--force --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/hub/restore") COMPREPLY=($(compgen -W "--data --check --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/demo") COMPREPLY=($(compgen -W "--seed --speed --port --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/bot") COMPREPLY=($(compgen -W "--socket-mode --port --host --teams-port --identities --cards-channel --cards-route --cards-min-severity --outbox --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/sim") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/sim/inject") COMPREPLY=($(compgen -W "--fault --sim --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/sim/faults") COMPREPLY=($(compgen -W "--site --sim --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/sim/kinds") COMPREPLY=($(compgen -W "--kind --sim --help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    "/completion") COMPREPLY=($(compgen -W "--help -h --version -V --json --no-color --lang --profile --hub --token --ca --insecure --debug" -- "$cur")) ;;
    esac
    return
  fi

  case "$cmdpath:$npos" in
    "":0) COMPREPLY=($(compgen -W "status watch sites incidents diag dispatch playbook drill kpi inventory tokens audit config hub demo bot sim completion" -- "$cur")) ;;
    "/status":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic sites)" -- "$cur")); return ;;
    "/sites":0) COMPREPLY=($(compgen -W "list" -- "$cur")) ;;
    "/incidents":0) COMPREPLY=($(compgen -W "list show ack assign note escalate resolve" -- "$cur")) ;;
    "/incidents/show":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic incidents)" -- "$cur")); return ;;
    "/incidents/ack":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic incidents)" -- "$cur")); return ;;
    "/incidents/assign":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic incidents)" -- "$cur")); return ;;
    "/incidents/note":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic incidents)" -- "$cur")); return ;;
    "/incidents/escalate":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic incidents)" -- "$cur")); return ;;
    "/incidents/resolve":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic incidents)" -- "$cur")); return ;;
    "/diag":0) COMPREPLY=($(compgen -W "run fleet" -- "$cur")) ;;
    "/diag/run":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic sites)" -- "$cur")); return ;;
    "/dispatch":0) COMPREPLY=($(compgen -W "list show close" -- "$cur")) ;;
    "/playbook":0) COMPREPLY=($(compgen -W "list show run runs status approve reject confirm pause resume abort retry note report validate schema history auto" -- "$cur")) ;;
    "/playbook/show":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic playbooks)" -- "$cur")); return ;;
    "/playbook/status":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic runs)" -- "$cur")); return ;;
    "/playbook/approve":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic runs)" -- "$cur")); return ;;
    "/playbook/reject":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic runs)" -- "$cur")); return ;;
    "/playbook/confirm":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic runs)" -- "$cur")); return ;;
    "/playbook/pause":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic runs)" -- "$cur")); return ;;
    "/playbook/resume":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic runs)" -- "$cur")); return ;;
    "/playbook/abort":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic runs)" -- "$cur")); return ;;
    "/playbook/retry":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic runs)" -- "$cur")); return ;;
    "/playbook/note":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic runs)" -- "$cur")); return ;;
    "/playbook/report":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic runs)" -- "$cur")); return ;;
    "/playbook/history":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic playbooks)" -- "$cur")); return ;;
    "/playbook/auto":0) COMPREPLY=($(compgen -W "on off" -- "$cur")); return ;;
    "/drill":0) COMPREPLY=($(compgen -W "list show" -- "$cur")) ;;
    "/drill/show":0) COMPREPLY=($(compgen -W "$(_watchfloor_dynamic runs)" -- "$cur")); return ;;
    "/kpi":0) COMPREPLY=($(compgen -W "remote" -- "$cur")) ;;
    "/inventory":0) COMPREPLY=($(compgen -W "plan apply export" -- "$cur")) ;;
    "/tokens":0) COMPREPLY=($(compgen -W "create list revoke" -- "$cur")) ;;
    "/audit":0) COMPREPLY=($(compgen -W "list verify checkpoint" -- "$cur")) ;;
    "/config":0) COMPREPLY=($(compgen -W "get set list use" -- "$cur")) ;;
    "/config/get":0) COMPREPLY=($(compgen -W "hub token ca sim simToken slackBotToken slackSigningSecret slackAppToken teamsAppId teamsAppPassword teamsTenantId" -- "$cur")); return ;;
    "/config/set":0) COMPREPLY=($(compgen -W "hub token ca sim simToken slackBotToken slackSigningSecret slackAppToken teamsAppId teamsAppPassword teamsTenantId" -- "$cur")); return ;;
    "/hub":0) COMPREPLY=($(compgen -W "start backup restore" -- "$cur")) ;;
    "/sim":0) COMPREPLY=($(compgen -W "inject faults kinds" -- "$cur")) ;;
    "/completion":0) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")); return ;;
  esac
}

complete -F _watchfloor watchfloor wf
