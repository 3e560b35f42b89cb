; Inno Setup script: wraps the one-folder bundle (dist\kehu, made by PyInstaller
; with build\kehu.spec) in an installer with a Start-menu shortcut and an
; uninstaller. Built by .github/workflows/windows-installer.yml:
;   iscc /DAppVersion=0.1.0 /DBundle=..\..\dist\kehu build\windows\kehu.iss
; The CJK font travels inside the bundle (resources\fonts), nothing is installed
; system-wide; archives and settings stay when the program is uninstalled.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef Bundle
  #define Bundle "..\..\dist\kehu"
#endif

[Setup]
AppId={{6D1F3C52-8B0E-4C7A-9F1D-3B2E7A4C5D10}
AppName=Kehu 客户经营助手
AppVersion={#AppVersion}
AppPublisher=Kehu
DefaultDirName={autopf}\Kehu
DefaultGroupName=Kehu
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=kehu-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\kehu.exe
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Kehu 客户经营助手"; Filename: "{app}\kehu.exe"
Name: "{group}\{cm:UninstallProgram,Kehu}"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\kehu.exe"; Description: "{cm:LaunchProgram,Kehu}"; Flags: nowait postinstall skipifsilent
