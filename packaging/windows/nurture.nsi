; Nurture's Windows installer: per-user (no administrator), Start menu entry, an uninstaller
; that removes the program and keeps the data folder (%LOCALAPPDATA%\Nurture).
;
;   makensis -DVERSION=0.1.0 -DBUNDLE=%CD%\build\pyinstaller\dist\nurture ^
;            -DOUTFILE=%CD%\dist\nurture-0.1.0-windows-setup.exe packaging\windows\nurture.nsi
;
; (`python packaging/build.py all` does this on Windows.) makensis works in this script's
; folder: give BUNDLE and OUTFILE as absolute paths. BUNDLE is PyInstaller's one-dir output:
; nurture.exe (the window), nurture-cli.exe (the command line, with a console), _internal\.

Unicode true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "Pass the version: -DVERSION=x.y.z"
!endif
!ifndef BUNDLE
  !error "Pass the PyInstaller bundle folder: -DBUNDLE=path"
!endif
!ifndef OUTFILE
  !define OUTFILE "nurture-${VERSION}-windows-setup.exe"
!endif

!define APP "Nurture"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel user
ShowInstDetails nevershow
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP} installer"
VIAddVersionKey "LegalCopyright" "The Nurture developers"

!include "MUI2.nsh"
!define MUI_ICON "../../resources/icons/nurture.ico"
!define MUI_UNICON "../../resources/icons/nurture.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\nurture.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Open ${APP}"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Section "Nurture" SecMain
  SectionIn RO
  ; An update replaces the program files; the data folder is elsewhere and never touched.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}/*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\nurture.exe" "" "$INSTDIR\nurture.exe" 0
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "The Nurture developers"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\nurture.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  ; "Start at login" points at the program being removed: take it away too.
  DeleteRegValue HKCU "${RUN_KEY}" "${APP}"
  Delete "$SMPROGRAMS\${APP}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\nurture.exe"
  Delete "$INSTDIR\nurture-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  ; The contacts in %LOCALAPPDATA%\Nurture stay: reinstalling finds them again.
SectionEnd
